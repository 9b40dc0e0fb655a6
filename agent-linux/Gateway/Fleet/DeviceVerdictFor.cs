using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// A verdict decided after <see cref="IFleetDispatcher.JudgeAsync"/> returned: the final verdict on a share that was
/// answered <c>accepted-pending</c> while upstream was unreachable or slow. Publish it on
/// <c>iotminer/&lt;device_id&gt;/verdict</c>; it is in the ledger already.
/// </summary>
/// <param name="DeviceId">The device (the topic's device id).</param>
/// <param name="Verdict">The final verdict, on the same job id and nonce as the pending one.</param>
public sealed record DeviceVerdictFor(string DeviceId, DeviceVerdict Verdict);
