

namespace IotMinerAgent.Linux.Mqtt.Outbox;

/// <summary>A queued share as stored by <see cref="ShareOutbox"/>.</summary>
/// <param name="Sequence">Queue position (publication order).</param>
/// <param name="Id">The share's unique id.</param>
/// <param name="PayloadJson">The share message JSON (Messages/ShareMessage) to publish, byte for byte.</param>
public sealed record PendingShare(long Sequence, string Id, string PayloadJson);
