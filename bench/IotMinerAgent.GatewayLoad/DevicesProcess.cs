using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// The simulated fleet: N real MQTT clients, each sending R shares/s for S seconds; prints <c>sending</c> and
/// <c>sent</c> (the script samples the gateway's CPU between them), then what came back, counted apart: judged,
/// rate-limited and lost (no verdict), and the share→verdict latency.
/// </summary>
internal static class DevicesProcess
{
    static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(LoadOptions load)
    {
        var devices = new List<LoadDevice>();
        foreach (int[] batch in Enumerable.Range(0, load.Devices).Chunk(50))
        {
            devices.AddRange((await Task.WhenAll(batch.Select(i => SimulatedDevice.ConnectAsync("127.0.0.1", load.Port, $"load-{i:D5}"))))
                .Select(d => new LoadDevice(d, load.Rate)));
        }

        // Every device has its first job before the clock starts: the burst of first work requests (a fleet powering
        // up) is not the steady state the latency goals are about, and under load it can take longer than one wait.
        var firstJobs = Stopwatch.StartNew();
        foreach (LoadDevice[] batch in devices.Chunk(500))
        {
            await Task.WhenAll(batch.Select(d => d.Device.RequestWorkAsync("sha256d", 1000)));
        }

        await Task.WhenAll(devices.Select(d => d.Device.WaitForJobAsync(seconds: 300)));
        Console.WriteLine($"{devices.Count} devices connected, each with its first job ({firstJobs.Elapsed.TotalSeconds:0.0} s for all first jobs); sending {load.Rate} share/s each for {load.Seconds} s");
        Console.WriteLine("sending");
        double warmup = Math.Min(10, load.Seconds / 3.0);
        using var stopDevices = new CancellationTokenSource(TimeSpan.FromSeconds(load.Seconds));
        var clock = Stopwatch.StartNew();
        long steadyFrom = Stopwatch.GetTimestamp() + (long)(warmup * Stopwatch.Frequency);
        long steadyTo = steadyFrom + (long)((load.Seconds - warmup) * Stopwatch.Frequency);
        await Task.WhenAll(devices.Select(d => d.RunAsync(stopDevices.Token)));
        double sendSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine("sent");

        int sent = devices.Sum(d => d.Device.SharesSent);
        // Drain: every share sent should get its verdict; wait while verdicts keep coming (a loaded gateway may be behind,
        // and on a busy machine a minute without one happened while shares still waited in the broker).
        var quiet = Stopwatch.StartNew();
        for (int answered = 0, last = -1; answered < sent && quiet.Elapsed < QuietLimit; last = answered)
        {
            await Task.Delay(200);
            answered = devices.Sum(d => d.Device.Verdicts.Count(v => v.Latency is not null));
            if (answered != last)
            {
                quiet.Restart();
            }
        }

        List<ReceivedVerdict> verdicts = [.. devices.SelectMany(d => d.Device.Verdicts).Where(v => v.Latency is not null)];
        int rateLimited = verdicts.Count(v => v.Verdict.Code == DeviceVerdictCode.RejectedRateLimited);
        List<double> judged = [.. verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited).Select(v => v.Latency!.Value.TotalMilliseconds).Order()];
        List<double> steady = [.. verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited && v.ReceivedAt >= steadyFrom && v.ReceivedAt <= steadyTo)
            .Select(v => v.Latency!.Value.TotalMilliseconds).Order()];
        // A share answered twice (other than accepted-pending, which a final verdict follows by design): judged twice.
        int duplicates = devices.Sum(d => d.Device.Verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.AcceptedPending)
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
            devices GC               {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused in all
            """);
        if (load.Timings is not null)
        {
            // Sent = received − latency, on the same Stopwatch clock the gateway stamps with.
            await File.WriteAllLinesAsync(load.Timings, verdicts.Where(v => v.Verdict.Code != DeviceVerdictCode.RejectedRateLimited)
                .Select(v => FormattableString.Invariant($"{v.Verdict.JobId}\t{v.Verdict.Nonce}\t{v.ReceivedAt - (long)(v.Latency!.Value.TotalSeconds * Stopwatch.Frequency)}\t{v.ReceivedAt}")));
        }


        foreach (LoadDevice device in devices)
        {
            await device.Device.DisposeAsync();
        }

        return sent == verdicts.Count && duplicates == 0 ? 0 : 1;
    }
}
