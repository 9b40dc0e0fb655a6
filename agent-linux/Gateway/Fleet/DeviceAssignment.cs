using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>A job for one device, to publish on <c>iotminer/&lt;device_id&gt;/work</c>.</summary>
/// <param name="DeviceId">The device (the topic's device id).</param>
/// <param name="Job">The job.</param>
public sealed record DeviceAssignment(string DeviceId, DeviceJob Job);
