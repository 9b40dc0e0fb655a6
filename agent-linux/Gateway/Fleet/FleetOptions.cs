using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// Settings of the <see cref="FleetDispatcher"/> (section <c>gateway</c>); <see cref="Validate"/> names every problem
/// with its key and the fix. Difficulties are pool difficulties of the upstream algorithm (for scrypt 2^16 times easier
/// than sha256d's, as scrypt pools count them).
/// </summary>
public sealed class FleetOptions
{
    /// <summary><c>gateway:instance</c>: this gateway's number (0..255), the top byte of its job ids (docs/mqtt.md, scale-out).</summary>
    public int Instance { get; set; }

    /// <summary><c>gateway:shareIntervalSeconds</c>: the vardiff aims at one share per device this often.</summary>
    public double ShareIntervalSeconds { get; set; } = 10;

    /// <summary><c>gateway:minDifficulty</c>: the easiest share difficulty a device gets.</summary>
    public double MinDifficulty { get; set; } = 0.00001;

    /// <summary><c>gateway:maxDifficulty</c>: the hardest share difficulty a device gets.</summary>
    public double MaxDifficulty { get; set; } = 1_000_000;

    /// <summary><c>gateway:jobLifetimeSeconds</c>: seconds a device may work on a job after receiving it.</summary>
    public int JobLifetimeSeconds { get; set; } = 120;

    /// <summary><c>gateway:jobGraceSeconds</c>: extra seconds a job's shares are accepted after its lifetime (transit, a device's late clock start).</summary>
    public int JobGraceSeconds { get; set; } = 10;

    /// <summary><c>gateway:maxSharesPerSecond</c>: a device's sustained share rate; faster shares are refused unchecked.</summary>
    public double MaxSharesPerSecond { get; set; } = 5;

    /// <summary><c>gateway:shareBurst</c>: shares a device may send at once before the rate limit applies.</summary>
    public int ShareBurst { get; set; } = 20;

    /// <summary><c>gateway:maxJobsPerDevice</c>: jobs kept per device; the oldest is forgotten beyond this.</summary>
    public int MaxJobsPerDevice { get; set; } = 16;

    /// <summary><c>gateway:maxDevices</c>: devices the gateway keeps state for; requests beyond it wait until one goes quiet.</summary>
    public int MaxDevices { get; set; } = 10_000;

    /// <summary><c>gateway:minNonceCount</c>: the smallest nonce range a job gets (a device that reports no hash rate gets this).</summary>
    public long MinNonceCount { get; set; } = 4096;

    /// <summary><c>gateway:upstreamTimeoutSeconds</c>: how long a share waits for upstream's answer before the device is told it was not sent.</summary>
    public double UpstreamTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// <c>gateway:overloadLagSeconds</c>: the gateway counts as overloaded when, over one second, the median share spent
    /// longer than this inside it (from arriving from the broker to the broker's PUBACK of its verdict); it then asks
    /// the devices for fewer shares (<see cref="FleetPace"/>). 0 turns this off.
    /// </summary>
    public double OverloadLagSeconds { get; set; } = 1;

    /// <summary>Every problem, each naming its key and the fix; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Instance is < 0 or > 255)
        {
            problems.Add(FormattableString.Invariant($"gateway:instance {Instance} is out of range: use 0..255, a different number for every gateway behind one broker."));
        }

        if (!(ShareIntervalSeconds is >= 0.1 and <= 3600))
        {
            problems.Add(FormattableString.Invariant($"gateway:shareIntervalSeconds {ShareIntervalSeconds} is out of range: use 0.1..3600 seconds (10 is usual)."));
        }

        if (!(MinDifficulty is >= 1e-12 and <= 1e15))
        {
            problems.Add(FormattableString.Invariant($"gateway:minDifficulty {MinDifficulty} is out of range: use 1e-12..1e15 (e.g. 0.00001)."));
        }

        if (!(MaxDifficulty is >= 1e-12 and <= 1e15) || MaxDifficulty < MinDifficulty)
        {
            problems.Add(FormattableString.Invariant($"gateway:maxDifficulty {MaxDifficulty} must lie in 1e-12..1e15 and be at least gateway:minDifficulty ({MinDifficulty})."));
        }

        if (JobLifetimeSeconds is < 1 or > 86_400)
        {
            problems.Add(FormattableString.Invariant($"gateway:jobLifetimeSeconds {JobLifetimeSeconds} is out of range: use 1..86400 seconds (120 is usual)."));
        }

        if (JobGraceSeconds is < 0 or > 3600)
        {
            problems.Add(FormattableString.Invariant($"gateway:jobGraceSeconds {JobGraceSeconds} is out of range: use 0..3600 seconds."));
        }

        if (!(MaxSharesPerSecond is >= 0.01 and <= 100_000))
        {
            problems.Add(FormattableString.Invariant($"gateway:maxSharesPerSecond {MaxSharesPerSecond} is out of range: use 0.01..100000."));
        }

        if (ShareBurst is < 1 or > 100_000)
        {
            problems.Add(FormattableString.Invariant($"gateway:shareBurst {ShareBurst} is out of range: use 1..100000."));
        }

        if (MaxJobsPerDevice is < 1 or > 64)
        {
            problems.Add(FormattableString.Invariant($"gateway:maxJobsPerDevice {MaxJobsPerDevice} is out of range: use 1..64."));
        }

        if (MaxDevices is < 1 or > 1_000_000)
        {
            problems.Add(FormattableString.Invariant($"gateway:maxDevices {MaxDevices} is out of range: use 1..1000000."));
        }

        if (MinNonceCount is < 1 or > 1L << 32)
        {
            problems.Add(FormattableString.Invariant($"gateway:minNonceCount {MinNonceCount} is out of range: use 1..4294967296."));
        }

        if (!(UpstreamTimeoutSeconds is >= 0.1 and <= 3600))
        {
            problems.Add(FormattableString.Invariant($"gateway:upstreamTimeoutSeconds {UpstreamTimeoutSeconds} is out of range: use 0.1..3600 seconds."));
        }

        if (!(OverloadLagSeconds == 0 || OverloadLagSeconds is >= 0.01 and <= 3600))
        {
            problems.Add(FormattableString.Invariant($"gateway:overloadLagSeconds {OverloadLagSeconds} is out of range: use 0 (off) or 0.01..3600 seconds (1 is usual)."));
        }

        return problems;
    }
}
