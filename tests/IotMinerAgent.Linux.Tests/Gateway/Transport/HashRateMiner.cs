using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>
/// A simulated miner of a fixed hash rate that obeys the difficulty the gateway sends, as a real one does: it reports
/// its hash rate in its work requests and sends a share every difficulty · hashes-per-difficulty ÷ hash rate seconds at
/// the difficulty of its newest job (<see cref="DifficultyScale"/>). That is the mean time a real miner takes to find
/// one, without the luck, so what moves its share rate is the gateway's vardiff alone. The share itself is found by
/// hashing (<see cref="JobCursor"/>). A late timer is not made up for: a starved miner sends fewer shares, never a burst.
/// </summary>
/// <param name="device">The device.</param>
/// <param name="hashRate">Its hash rate (H/s).</param>
public sealed class HashRateMiner(SimulatedDevice device, double hashRate)
{
    readonly JobCursor _cursor = new(device, hashRate);
    readonly List<long> _sentAt = [];

    /// <summary>The device.</summary>
    public SimulatedDevice Device => device;

    /// <summary>When each share was sent (<see cref="Stopwatch.GetTimestamp"/>), oldest first.</summary>
    public IReadOnlyList<long> SentAt
    {
        get
        {
            lock (_sentAt)
            {
                return [.. _sentAt];
            }
        }
    }

    /// <summary>The pool difficulty of <paramref name="job"/>'s share target.</summary>
    public static double DifficultyOf(DeviceJob job) => DifficultyScale.OfTarget(job.Target, job.Algorithm);

    /// <summary>Asks for work, reporting its hash rate, and waits for the first job.</summary>
    public async Task StartAsync(double seconds = 30)
    {
        await device.RequestWorkAsync("sha256d", hashRate);
        await device.WaitForJobAsync(seconds: seconds);
    }

    /// <summary>Mines until <paramref name="cancellationToken"/> fires; the first share after a random part of a period, so miners do not beat in step.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Period() * Random.Shared.NextDouble(), cancellationToken);
            while (true)
            {
                if (await _cursor.NextShareAsync() is { } share)
                {
                    await device.SendShareAsync(share);
                    lock (_sentAt)
                    {
                        _sentAt.Add(Stopwatch.GetTimestamp());
                    }
                }

                await Task.Delay(Period(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // The mean time to a share at the newest job's difficulty.
    TimeSpan Period()
    {
        IReadOnlyList<DeviceJob> jobs = device.Jobs;
        if (jobs.Count == 0)
        {
            // Asked for work and none came yet: look again soon.
            return TimeSpan.FromMilliseconds(100);
        }

        DeviceJob job = jobs[^1];
        return TimeSpan.FromSeconds(DifficultyOf(job) * DifficultyScale.HashesPerDifficulty(job.Algorithm) / hashRate);
    }
}
