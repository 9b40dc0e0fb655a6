using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// Drives one simulated device: asks for work, then sends one share every 1/rate seconds, found by hashing; like the
/// firmware, it asks for new work when its range is used up or a verdict says its job is unknown or stale (the
/// gateway that issued it restarted, or upstream moved on).
/// </summary>
internal sealed class LoadDevice(SimulatedDevice device, double rate)
{
    uint _next;
    DeviceJob? _job;
    uint? _askedAfterRefusalOf;

    public SimulatedDevice Device => device;

    /// <summary>Sends shares until <paramref name="cancellationToken"/> fires; the first after a random phase so devices do not beat in step.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds(1 / rate);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() / rate), cancellationToken);
            using var timer = new PeriodicTimer(period);
            do
            {
                if (await NextShareAsync(cancellationToken) is { } share)
                {
                    await device.SendShareAsync(share);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    async Task<DeviceShare?> NextShareAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DeviceJob> jobs = device.Jobs;
        DeviceJob? newest = jobs.Count > 0 ? jobs[^1] : null;
        if (newest is null)
        {
            await device.RequestWorkAsync("sha256d", 1000);
            await device.WaitForJobAsync(seconds: 30);
            newest = device.Jobs[^1];
        }

        if (!ReferenceEquals(newest, _job))
        {
            _job = newest;
            _next = newest.FirstNonce;
        }

        if (_askedAfterRefusalOf != _job.JobId && IsRefused(_job.JobId))
        {
            _askedAfterRefusalOf = _job.JobId;
            await device.RequestWorkAsync("sha256d", 1000);
            return null;
        }

        List<uint> found = SimulatedDevice.FindNonces(_job, 1, _next, budget: 1_000_000);
        if (found.Count == 0)
        {
            // Range scanned: ask for more, as a device does, and send nothing this tick.
            await device.RequestWorkAsync("sha256d", 1000);
            _next = uint.MaxValue;
            return null;
        }

        _next = found[0] + 1;
        return new DeviceShare(_job.JobId, found[0]);
    }

    bool IsRefused(uint jobId)
    {
        IReadOnlyList<ReceivedVerdict> verdicts = device.Verdicts;
        for (int i = verdicts.Count - 1; i >= 0 && i >= verdicts.Count - 3; i--)
        {
            if (verdicts[i].Verdict.JobId == jobId && verdicts[i].Verdict.Code is DeviceVerdictCode.RejectedUnknownJob or DeviceVerdictCode.RejectedStale)
            {
                return true;
            }
        }

        return false;
    }
}
