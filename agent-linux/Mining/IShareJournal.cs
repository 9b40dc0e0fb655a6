namespace IotMinerAgent.Linux.Mining;

/// <summary>Where every share is recorded durably before it is submitted, and its verdict after (the MQTT outbox).</summary>
public interface IShareJournal
{
    /// <summary>Records a share; returns once it is durable.</summary>
    void Found(FoundShare share);

    /// <summary>Records the work source's verdict on a share recorded earlier.</summary>
    void Answered(FoundShare share, ShareOutcome outcome);
}
