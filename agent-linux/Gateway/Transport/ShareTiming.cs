using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>
/// Where one share's time went inside the gateway, as timestamps of the link's <see cref="System.TimeProvider"/>
/// (<see cref="System.Diagnostics.Stopwatch"/> ticks on the system clock, comparable across processes on one Linux
/// machine): received from the broker, taken by a worker, judged and committed to the ledger, its verdict's publish
/// started and acknowledged by the broker (PUBACK). Raised by <see cref="GatewayMqttLink.ShareAnswered"/>; the load
/// benchmark prints the breakdown from it (docs/gateway.md, "Load").
/// </summary>
/// <param name="DeviceId">The device the verdict went to.</param>
/// <param name="Verdict">The verdict sent.</param>
/// <param name="ReceivedAt">The share arrived from the broker (the MQTT receive handler).</param>
/// <param name="TakenAt">A worker took it from the device queues (or the overflow queue) and began judging.</param>
/// <param name="DecidedAt">Judged and committed to the ledger (hashing is microseconds; the rest is the commit wait).</param>
/// <param name="PublishingAt">Its verdict left the outgoing queue: the publish started.</param>
/// <param name="AckedAt">The broker acknowledged the verdict (PUBACK).</param>
public readonly record struct ShareTiming(string DeviceId, DeviceVerdict Verdict, long ReceivedAt, long TakenAt, long DecidedAt, long PublishingAt, long AckedAt);
