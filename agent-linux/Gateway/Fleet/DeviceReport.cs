using System;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>One device as the gateway sees it (REST API, dashboard, metrics).</summary>
/// <param name="DeviceId">The device id (its topic's).</param>
/// <param name="HashrateHs">Its hash rate as it reported it in its latest work request, H/s; 0 before it measured.</param>
/// <param name="LastSeen">Its latest work request or share.</param>
/// <param name="Accepted">Shares credited (accepted or a block) since the gateway first saw it.</param>
/// <param name="Rejected">Shares refused, for any reason.</param>
public sealed record DeviceReport(string DeviceId, double HashrateHs, DateTimeOffset LastSeen, long Accepted, long Rejected);
