using System.Collections.Generic;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Where every share is recorded before it is submitted, and its verdict after (the MQTT outbox).</summary>
public interface IShareJournal
{
    /// <summary>
    /// Records shares found, in the order found, without waiting for the disk: the MQTT outbox writes those still
    /// unacknowledged by the broker within a second (docs/mqtt.md, "Disk writes").
    /// </summary>
    void Found(IReadOnlyList<FoundShare> shares);

    /// <summary>Records the work source's verdict on a share recorded earlier.</summary>
    void Answered(FoundShare share, ShareOutcome outcome);
}
