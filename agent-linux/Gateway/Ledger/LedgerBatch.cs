using System;
using System.Collections.Generic;
using System.Linq;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>What one batch of share records adds to each device's totals.</summary>
public static class LedgerBatch
{
    /// <summary>
    /// Per-device increments, ordered by device id: gateways sharing a database then lock device rows in the same
    /// order and cannot deadlock each other.
    /// </summary>
    public static IReadOnlyList<DeviceTotals> Increments(IReadOnlyList<LedgerShare> shares) =>
        shares.GroupBy(s => s.DeviceId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DeviceTotals(
                g.Key,
                g.LongCount(s => s.Counts),
                g.Where(s => s.Counts).Sum(s => s.Difficulty),
                g.LongCount(s => !s.Counts && !s.IsPendingUpstream),
                g.LongCount(s => s.Verdict == Hashing.DeviceWork.DeviceVerdictCode.BlockFound),
                g.Max(s => s.JudgedAt)))
            .ToList();
}
