using System;
using System.Threading;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;

namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>
/// A pool job as an <see cref="UpstreamTemplate"/>: its work units are (extranonce2, rolled version bits) pairs
/// (<see cref="StratumWorkUnits"/>), all at the job's ntime. It records the highest extranonce2 it has built, so the
/// next template of the same job (after a difficulty or mask change) starts past it and no header is handed out twice.
/// </summary>
public sealed class StratumTemplate : UpstreamTemplate
{
    private long _extranonce2sUsed;

    private StratumTemplate(StratumWork work, ulong firstExtranonce2)
    {
        ArgumentNullException.ThrowIfNull(work);
        Work = work;
        Units = new StratumWorkUnits(work.Job.Extranonce2Size, work.VersionMask, firstExtranonce2);
        _extranonce2sUsed = (long)firstExtranonce2;
    }

    /// <summary>The pool work.</summary>
    public StratumWork Work { get; }

    /// <summary>The unit mapping.</summary>
    public StratumWorkUnits Units { get; }

    /// <summary>One past the highest extranonce2 counter a header was built for.</summary>
    public ulong NextFreeExtranonce2 => (ulong)Interlocked.Read(ref _extranonce2sUsed);

    /// <summary>Creates the template for <paramref name="work"/>; extranonce2 counters start at <paramref name="firstExtranonce2"/>.</summary>
    public static StratumTemplate Create(StratumWork work, ulong firstExtranonce2)
    {
        ArgumentNullException.ThrowIfNull(work);
        var units = new StratumWorkUnits(work.Job.Extranonce2Size, work.VersionMask, firstExtranonce2);
        return new StratumTemplate(work, firstExtranonce2)
        {
            Id = $"job {work.Job.JobId} diff {work.Difficulty}",
            Algorithm = work.Algorithm,
            ShareTarget = work.ShareTarget,
            NetworkTarget = Target.FromCompact(work.Job.NBits),
            WorkUnitCount = Math.Max(units.Count, 1),
            ReplacesAll = work.CleanJobs,
        };
    }

    /// <inheritdoc />
    public override byte[] BuildHeader(ulong workUnit)
    {
        ulong counter = Units.Extranonce2Counter(workUnit);
        long used = Interlocked.Read(ref _extranonce2sUsed);
        while ((ulong)used <= counter && Interlocked.CompareExchange(ref _extranonce2sUsed, (long)(counter + 1), used) != used)
        {
            used = Interlocked.Read(ref _extranonce2sUsed);
        }

        return Work.BuildHeader(Work.Job.Extranonce2(counter), Work.Job.NTime, Units.VersionBits(workUnit), 0);
    }

    /// <summary>The share for <paramref name="nonce"/> found on <paramref name="workUnit"/>.</summary>
    public StratumShare CreateShare(ulong workUnit, uint nonce) =>
        Work.CreateShare(Work.Job.Extranonce2(Units.Extranonce2Counter(workUnit)), Work.Job.NTime, nonce, Units.VersionBits(workUnit));
}
