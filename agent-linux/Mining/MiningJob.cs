using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// A job from a work source: everything needed to build headers for any extranonce2 and to judge shares.
/// A Stratum job and a demo job differ in how they build a header (<see cref="BuildWork"/>) and where their shares go (<see cref="SubmitAsync"/>).
/// </summary>
public abstract class MiningJob
{
    /// <summary>The source's id for the job (Stratum job_id).</summary>
    public required string JobId { get; init; }

    /// <summary>The algorithm: one of <see cref="Algorithms"/>' names (sha256d or scrypt).</summary>
    public required string Algorithm { get; init; }

    /// <summary>The pool difficulty in force when the job was issued.</summary>
    public required Difficulty ShareDifficulty { get; init; }

    /// <summary>The share target derived from <see cref="ShareDifficulty"/>.</summary>
    public Target ShareTarget => field ??= Target.FromPoolDifficulty(ShareDifficulty, Algorithm);

    /// <summary>How many extranonce2 values the job has (2^(8·size), capped at 2^63).</summary>
    public required ulong Extranonce2Space { get; init; }

    /// <summary>
    /// What identifies the header space: two jobs with the same key build the same headers for the same extranonce2
    /// (e.g. a pool's job id under one extranonce1), so they share one allocator and no work is hashed twice.
    /// </summary>
    public required string WorkKey { get; init; }

    /// <summary>
    /// How many nonces each extranonce2 value has: the whole 32-bit range for a header, 0..100·difficulty for a
    /// DUCO-S1 job. Work units never reach past it.
    /// </summary>
    public virtual ulong NonceSpace => NonceRange.Limit;

    /// <summary>The work for one extranonce2 value (a header, or a DUCO-S1 job), and that value as the bytes the source expects back.</summary>
    public abstract MiningWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes);

    /// <summary>Whether a hash the reference computed is a share of this job: it meets the share target (DUCO-S1: it is the expected digest).</summary>
    public virtual bool IsShare(byte[] hash) => ShareTarget.IsMetBy(hash);

    /// <summary>The difficulty a share of this job is reported with (docs/mqtt.md, share <c>difficulty</c>).</summary>
    public virtual double DifficultyOf(byte[] hash) => IotMinerAgent.Linux.Mining.ShareDifficulty.Of(hash, Algorithm);

    /// <summary>
    /// Submits a share of this job to the source that issued it and returns the source's verdict. The job carries
    /// its way back, so nothing needs to cast a job to the source's own type.
    /// </summary>
    public abstract Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken);

    /// <summary>The ntime the job's headers carry, as submitted (8 hex digits); null for a protocol without it (Duino-Coin).</summary>
    public abstract string? NtimeHex { get; }

    /// <summary>The version bits submitted with the job's shares (BIP 310 <c>mining.submit</c>'s sixth parameter), 8 hex digits; null without version rolling.</summary>
    public virtual string? VersionBitsHex => null;

    /// <summary>The network target of the block the job builds (the header's compact nBits); null for work that is no coin's block (the demo).</summary>
    public virtual uint? NetworkBits => null;

    /// <summary>The pool the job came from as <c>scheme://host:port</c>, never with credentials; null for a source that is not a pool (the demo).</summary>
    public string? Pool { get; init; }
}
