using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The embedded local work source used when no pool is configured: random headers at a low share difficulty, so
/// a fresh install shows mining, shares and status at once. It pays nobody; it is labelled "demo — not earning"
/// wherever it shows. Shares are verified the way a pool does it (recomputed), then accepted.
/// </summary>
public sealed class DemoWorkSource(string algorithm, Difficulty shareDifficulty, TimeSpan jobInterval) : IWorkSource
{
    /// <summary>The label shown as the pool.</summary>
    public const string Label = "demo — not earning";

    private int _jobCounter;

    /// <inheritdoc />
    public string DisplayName => Label;

    /// <inheritdoc />
    public async Task RunAsync(JobBoard board, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(jobInterval);
        do
        {
            board.Post(NewJob());
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken)
    {
        var job = (DemoJob)share.Job;
        HeaderWork work = job.BuildWork(Convert.ToUInt64(share.Extranonce2Hex, 16), out _);
        byte[] hash = ProofOfWork.Hash(work, share.Nonce);
        ShareOutcome outcome = job.ShareTarget.IsMetBy(hash)
            ? new ShareOutcome(ShareVerdict.Accepted)
            : new ShareOutcome(ShareVerdict.Rejected, "low difficulty share");
        return Task.FromResult(outcome);
    }

    private DemoJob NewJob()
    {
        byte[] header = RandomNumberGenerator.GetBytes(HeaderWork.HeaderLength);
        string jobId = Interlocked.Increment(ref _jobCounter).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        return new DemoJob(header)
        {
            JobId = jobId,
            WorkKey = jobId,
            Algorithm = algorithm,
            ShareDifficulty = shareDifficulty,
            Extranonce2Space = 1UL << 32,
        };
    }

    /// <summary>A random header whose merkle-root field carries the extranonce2, as a real coinbase change would.</summary>
    private sealed class DemoJob(byte[] header) : MiningJob
    {
        public override string NtimeHex => StratumHeader.FormatHexWord(BitConverter.ToUInt32(header, 68));

        public override HeaderWork BuildWork(ulong extranonce2, out string extranonce2Hex)
        {
            byte[] copy = (byte[])header.Clone();
            BitConverter.TryWriteBytes(copy.AsSpan(36, 8), extranonce2);
            extranonce2Hex = extranonce2.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            return new HeaderWork(Algorithm, copy, ShareTarget);
        }
    }
}
