using System.Collections.Generic;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Where every share is recorded durably before it is submitted, and its verdict after (the MQTT outbox).</summary>
public interface IShareJournal
{
    /// <summary>Records shares found, in the order found, in one durable commit; returns once they are durable.</summary>
    void Found(IReadOnlyList<FoundShare> shares);

    /// <summary>Records the work source's verdict on a share recorded earlier.</summary>
    void Answered(FoundShare share, ShareOutcome outcome);
}
