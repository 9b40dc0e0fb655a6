using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// Where the share→verdict time went: joins the devices' file (job, nonce, sent, received) with the gateway's
/// (job, nonce, and <see cref="Linux.Gateway.Transport.ShareTiming"/>'s stamps) on job and nonce. Both processes stamp
/// with <see cref="Stopwatch.GetTimestamp"/> (CLOCK_MONOTONIC on Linux, one clock for the whole machine), so the stages
/// add up to the latency the device saw. Rate-limited shares are left out, like the latency figures.
/// </summary>
internal static class Breakdown
{
    static readonly string[] Stages =
    [
        "device → gateway      (device's publish, broker, gateway's MQTT receive)",
        "waiting for a worker  (per-device queues)",
        "judged + committed    (hash: µs; the rest is the ledger's group commit)",
        "outgoing queue        (verdicts waiting for a publish slot)",
        "gateway → device      (gateway's publish, broker, device's MQTT receive)",
        "  of which: PUBACK    (gateway's publish → broker's PUBACK back; overlaps the line above)",
    ];

    /// <summary>Prints, per stage, p50 and p99 over the judged shares, and the mean over the slowest 1 %.</summary>
    public static int Run(string devicesFile, string gatewayFile)
    {
        var gateway = new Dictionary<(uint, uint), long[]>();
        foreach (string line in File.ReadLines(gatewayFile))
        {
            string[] f = line.Split('\t');
            gateway[(uint.Parse(f[0], CultureInfo.InvariantCulture), uint.Parse(f[1], CultureInfo.InvariantCulture))] = [.. f.Skip(2).Select(v => long.Parse(v, CultureInfo.InvariantCulture))];
        }

        var rows = new List<double[]>();
        foreach (string line in File.ReadLines(devicesFile))
        {
            string[] f = line.Split('\t');
            if (!gateway.TryGetValue((uint.Parse(f[0], CultureInfo.InvariantCulture), uint.Parse(f[1], CultureInfo.InvariantCulture)), out long[]? g))
            {
                continue;
            }

            long sent = long.Parse(f[2], CultureInfo.InvariantCulture), received = long.Parse(f[3], CultureInfo.InvariantCulture);
            // g: received, taken, decided, publishing, acked.
            rows.Add([Ms(sent, received), Ms(sent, g[0]), Ms(g[0], g[1]), Ms(g[1], g[2]), Ms(g[2], g[3]), Ms(g[3], received), Ms(g[3], g[4])]);
        }

        if (rows.Count == 0)
        {
            Console.WriteLine("breakdown                no share matched between the two processes' timings");
            return 1;
        }

        rows.Sort((a, b) => a[0].CompareTo(b[0]));
        List<double[]> slowest = rows.Skip((int)(rows.Count * 0.99)).ToList();
        Console.WriteLine($"breakdown                {rows.Count} judged shares matched (stamps of both processes on one monotonic clock), ms:");
        Console.WriteLine($"  {"stage",-76} {"p50",8} {"p99",8} {"mean of slowest 1 %",20}");
        for (int s = 0; s < Stages.Length; s++)
        {
            List<double> values = [.. rows.Select(r => r[s + 1]).Order()];
            Console.WriteLine($"  {Stages[s],-76} {Percentile(values, 0.5),8:0.0} {Percentile(values, 0.99),8:0.0} {slowest.Average(r => r[s + 1]),20:0.0}");
        }

        Console.WriteLine($"  {"share → verdict (total)",-76} {Percentile([.. rows.Select(r => r[0])], 0.5),8:0.0} {Percentile([.. rows.Select(r => r[0])], 0.99),8:0.0} {slowest.Average(r => r[0]),20:0.0}");
        return 0;
    }

    /// <summary>The value at quantile <paramref name="p"/> of an ascending list (nearest rank).</summary>
    public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];

    static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
