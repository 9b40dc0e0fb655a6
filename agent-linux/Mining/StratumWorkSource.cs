using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Jobs from Stratum V1 pools (with failover), shares back to them: the agent's work source when pools are configured.</summary>
public sealed class StratumWorkSource(StratumClient client) : IWorkSource
{
    /// <inheritdoc />
    public string DisplayName => client.CurrentPool is { } pool ? StratumEndpoint.Parse(pool.Url).ToString() : "connecting to pool";

    /// <inheritdoc />
    public async Task RunAsync(JobBoard board, CancellationToken cancellationToken)
    {
        Task connection = client.RunAsync(cancellationToken);
        try
        {
            await foreach (StratumWork work in client.Work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // The job came over the connection to the pool in use now: its shares name that pool (docs/mqtt.md, share).
                board.Post(new StratumMiningJob(work, client) { Pool = client.CurrentPool is { } pool ? StratumEndpoint.Parse(pool.Url).ToString() : null });
            }
        }
        finally
        {
            board.Clear();
            await connection.ConfigureAwait(false);
        }
    }

    /// <summary>The client's result as the mining loop's outcome: the same verdict and reason, nothing narrowed.</summary>
    internal static ShareOutcome OutcomeOf(ShareResult result) => new(result.Outcome, result.Reason);

    /// <summary>
    /// A pool job: headers for any extranonce2, with the job's own ntime and version. The version bits submitted are the
    /// job's own under the mask, so the pool rebuilds exactly the header hashed; the extranonce2 space is work enough.
    /// </summary>
    private sealed class StratumMiningJob : MiningJob
    {
        private readonly StratumClient _client;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public StratumMiningJob(StratumWork work, StratumClient client)
        {
            _client = client;
            Work = work;
            JobId = work.Job.JobId;
            WorkKey = $"{work.Job.Extranonce1Hex}/{work.Job.Extranonce2Size}/{work.Job.JobId}/{work.Job.NTime:x8}";
            Algorithm = work.Algorithm;
            ShareDifficulty = work.Difficulty;
            Extranonce2Space = work.Job.Extranonce2Size >= 8 ? long.MaxValue : 1UL << (8 * work.Job.Extranonce2Size);
        }

        public StratumWork Work { get; }

        public uint VersionBits => Work.Job.Version & Work.VersionMask;

        // The client sends version bits only when the pool negotiated a mask (StratumClient.SendShareAsync); so does the journal.
        public override string? VersionBitsHex => Work.VersionMask == 0 ? null : VersionBits.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

        public override uint? NetworkBits => Work.Job.NBits;

        public override string NtimeHex => Work.Job.NTime.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

        public override IotMinerAgent.Hashing.HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
        {
            extranonce2Bytes = Work.Job.Extranonce2(extranonce2);
            return Work.CreateHeaderWork(extranonce2Bytes, Work.Job.NTime, VersionBits);
        }

        // The bytes go to the client as they are; it encodes them as hex for mining.submit.
        public override async Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken)
        {
            StratumShare stratumShare = Work.CreateShare(share.Extranonce2, Work.Job.NTime, share.Nonce, VersionBits);
            ShareResult result = await _client.SubmitAsync(stratumShare, cancellationToken).ConfigureAwait(false);
            return OutcomeOf(result);
        }
    }
}
