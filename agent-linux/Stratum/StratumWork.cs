using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// What a miner works on: a job with the share target and version-rolling mask in force when this work was issued.
/// A newer <see cref="StratumWork"/> replaces it; when <see cref="CleanJobs"/> is set, abandon the old one at once.
/// </summary>
public sealed class StratumWork
{
    /// <summary>Creates work for <paramref name="job"/>.</summary>
    public StratumWork(StratumJob job, Difficulty difficulty, string algorithm, uint versionMask, bool cleanJobs)
    {
        Job = job ?? throw new ArgumentNullException(nameof(job));
        Difficulty = difficulty;
        Algorithm = algorithm;
        ShareTarget = PoolDifficulty.ToTarget(difficulty, algorithm);
        VersionMask = versionMask;
        CleanJobs = cleanJobs;
    }

    /// <summary>The job.</summary>
    public StratumJob Job { get; }

    /// <summary>The pool's share difficulty.</summary>
    public Difficulty Difficulty { get; }

    /// <summary>The hash a share must meet, from <see cref="Difficulty"/>.</summary>
    public Target ShareTarget { get; }

    /// <summary>sha256d or scrypt.</summary>
    public string Algorithm { get; }

    /// <summary>Version bits the miner may roll (BIP 310); 0 when version rolling is off.</summary>
    public uint VersionMask { get; }

    /// <summary>True when the pool voided every earlier job.</summary>
    public bool CleanJobs { get; }

    /// <summary>The header with <paramref name="versionBits"/> rolled in under <see cref="VersionMask"/> (ignored when it is 0).</summary>
    public byte[] BuildHeader(byte[] extranonce2, uint ntime, uint versionBits, uint nonce) =>
        Job.BuildHeader(extranonce2, ntime, Job.RollVersion(versionBits, VersionMask), nonce);

    /// <summary>Scanner work for one extranonce2/ntime/version choice, with the share target.</summary>
    public HeaderWork CreateHeaderWork(byte[] extranonce2, uint ntime, uint versionBits) =>
        new(Algorithm, BuildHeader(extranonce2, ntime, versionBits, 0), ShareTarget);

    /// <summary>A share for a nonce the scanner found on <see cref="CreateHeaderWork"/> with the same choices.</summary>
    public StratumShare CreateShare(byte[] extranonce2, uint ntime, uint nonce, uint versionBits)
    {
        Job.RequireExtranonce2(extranonce2);
        return new StratumShare(Job, (byte[])extranonce2.Clone(), ntime, nonce, versionBits & VersionMask, VersionMask);
    }
}
