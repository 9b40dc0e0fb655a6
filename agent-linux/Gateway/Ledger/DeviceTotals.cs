using System;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>A device's totals in the ledger.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Shares">Shares credited (accepted or block-found).</param>
/// <param name="DifficultySum">Sum of the credited shares' difficulties: the device's proven work in pool difficulty units.</param>
/// <param name="Rejects">Shares refused, for any reason.</param>
/// <param name="Blocks">Shares that were blocks.</param>
/// <param name="LastSeen">The latest share's time.</param>
public sealed record DeviceTotals(string DeviceId, long Shares, double DifficultySum, long Rejects, long Blocks, DateTimeOffset LastSeen);
