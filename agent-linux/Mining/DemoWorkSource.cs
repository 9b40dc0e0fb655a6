using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The embedded local work source used when no pool is configured: random headers at a low share difficulty, so
/// a fresh install shows mining, shares and status at once. It pays nobody; it is labelled "demo — not earning"
/// wherever it shows. Shares are verified the way a pool does it (recomputed), then accepted. A new job comes every
/// <c>jobInterval</c>, and sooner when the share difficulty is retargeted (<see cref="DemoDifficulty"/>).
/// </summary>
public sealed class DemoWorkSource(string algorithm, DemoDifficulty shareDifficulty, TimeSpan jobInterval, TimeProvider clock) : IWorkSource
{
    /// <summary>The label shown as the pool.</summary>
    public const string Label = "demo — not earning";

    /// <summary>How often an <c>auto</c> difficulty looks at the hash rate: long enough to average a duty cycle.</summary>
    public static readonly TimeSpan RetargetInterval = TimeSpan.FromSeconds(10);

    private int _jobCounter;

    /// <inheritdoc />
    public string DisplayName => Label;

    /// <inheritdoc />
    public async Task RunAsync(JobBoard board, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        DateTimeOffset nextJob = clock.GetUtcNow() + jobInterval;
        DateTimeOffset nextRetarget = clock.GetUtcNow() + RetargetInterval;
        board.Post(NewJob());
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            DateTimeOffset now = clock.GetUtcNow();
            bool retargeted = false;
            if (now >= nextRetarget)
            {
                nextRetarget = now + RetargetInterval;
                retargeted = shareDifficulty.Retarget();
            }

            if (retargeted || now >= nextJob)
            {
                nextJob = now + jobInterval;
                board.Post(NewJob());
            }
        }
    }

    private DemoJob NewJob()
    {
        // Random.Shared, not RandomNumberGenerator: a demo header only has to differ from the last one, and the
        // cryptographic generator would load OpenSSL (about 4 MB resident) into an agent that may never use TLS.
        byte[] header = new byte[HeaderWork.HeaderLength];
        Random.Shared.NextBytes(header);
        string jobId = Interlocked.Increment(ref _jobCounter).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        return new DemoJob(header)
        {
            JobId = jobId,
            WorkKey = jobId,
            Algorithm = algorithm,
            ShareDifficulty = shareDifficulty.Current,
            Extranonce2Space = 1UL << 32,
        };
    }

    /// <summary>A random header whose merkle-root field carries the extranonce2, as a real coinbase change would.</summary>
    private sealed class DemoJob(byte[] header) : MiningJob
    {
        public override string NtimeHex => StratumHeader.FormatHexWord(BitConverter.ToUInt32(header, 68));

        public override HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
        {
            // Extranonce2Space is 2^32: four bytes, big-endian like the hex a pool would show.
            extranonce2Bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(extranonce2Bytes, (uint)extranonce2);
            return WorkFor(extranonce2);
        }

        // Verified the way a pool does it: the header rebuilt from the share's extranonce2 and nonce, hashed again.
        public override Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken)
        {
            HeaderWork work = WorkFor(BinaryPrimitives.ReadUInt32BigEndian(share.Extranonce2));
            byte[] hash = ProofOfWork.Hash(work, share.Nonce);
            ShareOutcome outcome = ShareTarget.IsMetBy(hash)
                ? new ShareOutcome(ShareVerdict.Accepted)
                : new ShareOutcome(ShareVerdict.Rejected, "low difficulty share");
            return Task.FromResult(outcome);
        }

        private HeaderWork WorkFor(ulong extranonce2)
        {
            byte[] copy = (byte[])header.Clone();
            BitConverter.TryWriteBytes(copy.AsSpan(36, 8), extranonce2);
            return new HeaderWork(Algorithm, copy, ShareTarget);
        }
    }
}
