using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// The simulated fleet: N real MQTT clients, each sending R shares/s for S seconds (or, with <c>--hashrate</c>, mining at
/// H hashes/s at its jobs' difficulty); prints <c>sending</c> and <c>sent</c> (the script samples the gateway's CPU
/// between them), then what came back, counted apart: judged, rate-limited and lost (no verdict), the share→verdict
/// latency, and in the hash rate mode how the difficulty and the share rate moved.
/// </summary>
internal static class DevicesProcess
{
    static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(LoadOptions load)
    {
        var devices = new List<SimulatedDevice>();
        foreach (int[] batch in Enumerable.Range(0, load.Devices).Chunk(50))
        {
            devices.AddRange(await Task.WhenAll(batch.Select(i => SimulatedDevice.ConnectAsync("127.0.0.1", load.Port, $"load-{i:D5}"))));
        }

        double reportedHashRate = load.HashRate > 0 ? load.HashRate : LoadDevice.ReportedHashRate;
        HashRateMiner[] miners = load.HashRate > 0 ? [.. devices.Select(d => new HashRateMiner(d, load.HashRate))] : [];

        // Every device has its first job before the clock starts: the burst of first work requests (a fleet powering
        // up) is not the steady state the latency goals are about, and under load it can take longer than one wait.
        var firstJobs = Stopwatch.StartNew();
        foreach (SimulatedDevice[] batch in devices.Chunk(500))
        {
            await Task.WhenAll(batch.Select(d => d.RequestWorkAsync("sha256d", reportedHashRate)));
        }

        await Task.WhenAll(devices.Select(d => d.WaitForJobAsync(seconds: 300)));
        Console.WriteLine($"{devices.Count} devices connected, each with its first job ({firstJobs.Elapsed.TotalSeconds:0.0} s for all first jobs); "
            + (load.HashRate > 0 ? $"mining at {load.HashRate} H/s each at their jobs' difficulty for {load.Seconds} s" : $"sending {load.Rate} share/s each for {load.Seconds} s"));
        Console.WriteLine("sending");
        double warmup = Math.Min(10, load.Seconds / 3.0);
        using var stopDevices = new CancellationTokenSource(TimeSpan.FromSeconds(load.Seconds));
        var clock = Stopwatch.StartNew();
        long steadyFrom = Stopwatch.GetTimestamp() + (long)(warmup * Stopwatch.Frequency);
        long steadyTo = steadyFrom + (long)((load.Seconds - warmup) * Stopwatch.Frequency);
        List<double> startDifficulties = NewestDifficulties(devices);
        long sendingFrom = Stopwatch.GetTimestamp();
        await Task.WhenAll(miners.Length > 0
            ? miners.Select(m => m.RunAsync(stopDevices.Token))
            : devices.Select(d => new LoadDevice(d, load.Rate).RunAsync(stopDevices.Token)));
        double sendSeconds = clock.Elapsed.TotalSeconds;
        List<double> endDifficulties = NewestDifficulties(devices);
        Console.WriteLine("sent");

        int sent = devices.Sum(d => d.SharesSent);
        // Drain: every share sent should get its verdict; wait while verdicts keep coming (a loaded gateway may be behind,
        // and on a busy machine a minute without one happened while shares still waited in the broker).
        var quiet = Stopwatch.StartNew();
        for (int answered = 0, last = -1; answered < sent && quiet.Elapsed < QuietLimit; last = answered)
        {
            await Task.Delay(200);
            answered = devices.Sum(d => d.Verdicts.Count(v => v.Latency is not null));
            if (answered != last)
            {
                quiet.Restart();
            }
        }

        List<ReceivedVerdict> verdicts = [.. devices.SelectMany(d => d.Verdicts).Where(v => v.Latency is not null)];
        int rateLimited = verdicts.Count(v => v.Verdict.Code == DeviceVerdictCode.RejectedRateLimited);
        List<double> judged = [.. verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited).Select(v => v.Latency!.Value.TotalMilliseconds).Order()];
        List<double> steady = [.. verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited && v.ReceivedAt >= steadyFrom && v.ReceivedAt <= steadyTo)
            .Select(v => v.Latency!.Value.TotalMilliseconds).Order()];
        // A share answered twice (other than accepted-pending, which a final verdict follows by design): judged twice.
        int duplicates = devices.Sum(d => d.Verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.AcceptedPending)
            .GroupBy(v => (v.Verdict.JobId, v.Verdict.Nonce)).Sum(g => g.Count() - 1));
        int judgedInWindow = verdicts.Count(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited && v.ReceivedAt <= steadyTo);
        Console.WriteLine($"""
            devices                  {load.Devices} × {load.Rate} share/s for {sendSeconds:0.0} s (machine: {Environment.ProcessorCount} cores)
            shares sent              {sent}
            judged                   {judged.Count} ({verdicts.Count(v => v.Verdict.IsAccepted)} accepted{string.Concat(verdicts.Where(v => !v.Verdict.IsAccepted && v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited).GroupBy(v => v.Verdict.Code).Select(g => $", {g.Key} {g.Count()}"))})
            rate-limited             {rateLimited}
            lost                     {sent - verdicts.Count} (no verdict within {QuietLimit.TotalSeconds:0} s of the last one)
            duplicate                {duplicates} (verdicts beyond the first for one share, accepted-pending not counted)
            judged shares/s          {judgedInWindow / sendSeconds:0.0} (verdicts other than rate-limited received during the sending window)
            share→verdict latency    p50 {Breakdown.Percentile(judged, 0.50):0.0} ms, p99 {Breakdown.Percentile(judged, 0.99):0.0} ms, max {(judged.Count > 0 ? judged[^1] : double.NaN):0.0} ms (judged shares, all)
                                     p50 {Breakdown.Percentile(steady, 0.50):0.0} ms, p99 {Breakdown.Percentile(steady, 0.99):0.0} ms (steady: after the first {warmup:0} s)
            {(miners.Length > 0 ? DifficultyReport(load, miners, startDifficulties, endDifficulties, sendingFrom, sendSeconds) : string.Empty)}devices GC               {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused in all
            """);
        if (load.Timings is not null)
        {
            // Sent = received − latency, on the same Stopwatch clock the gateway stamps with.
            await File.WriteAllLinesAsync(load.Timings, verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited)
                .Select(v => FormattableString.Invariant($"{v.Verdict.JobId}\t{v.Verdict.Nonce}\t{v.ReceivedAt - (long)(v.Latency!.Value.TotalSeconds * Stopwatch.Frequency)}\t{v.ReceivedAt}")));
        }


        foreach (SimulatedDevice device in devices)
        {
            await device.DisposeAsync();
        }

        return sent == verdicts.Count && duplicates == 0 ? 0 : 1;
    }

    const int RateBucketSeconds = 5;

    static List<double> NewestDifficulties(List<SimulatedDevice> devices) =>
        [.. devices.Select(d => d.Jobs).Where(j => j.Count > 0).Select(j => HashRateMiner.DifficultyOf(j[^1])).Order()];

    // How the gateway's vardiff and overload pace moved the miners: their difficulty and the share rate it asks for at the
    // start and end of sending, and the fleet's share rate every few seconds.
    static string DifficultyReport(LoadOptions load, HashRateMiner[] miners, List<double> start, List<double> end, long from, double seconds)
    {
        double perDifficulty = DifficultyScale.HashesPerDifficulty(Algorithms.Sha256d);
        double medianStart = Breakdown.Percentile(start, 0.5), medianEnd = Breakdown.Percentile(end, 0.5);
        double highest = miners.SelectMany(m => m.Device.Jobs).Max(HashRateMiner.DifficultyOf);
        var buckets = new int[Math.Max((int)Math.Round(seconds / RateBucketSeconds), 1)];
        foreach (long sentAt in miners.SelectMany(m => m.SentAt))
        {
            int bucket = (int)((sentAt - from) / Stopwatch.Frequency / RateBucketSeconds);
            buckets[Math.Clamp(bucket, 0, buckets.Length - 1)]++;
        }

        string Rate(double difficulty) => FormattableString.Invariant($"{load.HashRate / (difficulty * perDifficulty):0.###}");
        string rates = string.Join(" ", buckets.Select(b => (b / (double)RateBucketSeconds).ToString("0", CultureInfo.InvariantCulture)));
        return string.Join(Environment.NewLine,
            FormattableString.Invariant($"difficulty (vardiff)     median {medianStart:0.###e0} at the start of sending, {medianEnd:0.###e0} at the end (×{medianEnd / medianStart:0.##}); hardest job {highest:0.###e0} (newest job of each device; pool difficulty)"),
            FormattableString.Invariant($"share rate asked         {Rate(medianStart)} → {Rate(medianEnd)} share/s per device at the median difficulty ({load.HashRate} H/s ÷ (difficulty · 2^48/0xFFFF hashes))"),
            $"shares sent per second   {rates} (whole fleet, every {RateBucketSeconds} s of sending)",
            string.Empty);
    }
}
