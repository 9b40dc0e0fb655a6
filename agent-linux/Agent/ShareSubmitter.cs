using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Records each confirmed share in the journal (durable), submits it to the work source in the order found, and records, counts and logs the verdict.</summary>
public sealed class ShareSubmitter(ShareSink sink, IWorkSource source, IShareJournal journal, MinerStats stats, ILogger<ShareSubmitter> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (FoundShare share in sink.Confirmed.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            journal.Found(share);
            ShareOutcome outcome = await source.SubmitAsync(share, stoppingToken).ConfigureAwait(false);
            stats.RecordOutcome(outcome.Verdict);
            journal.Answered(share, outcome);
            if (outcome.Verdict == ShareVerdict.Accepted)
            {
                logger.LogInformation("Share {ShareId} accepted: job {JobId} nonce {Nonce} difficulty {Difficulty:G4}", share.Id, UntrustedText.Escape(share.Job.JobId, 200), share.NonceHex, share.Difficulty);
            }
            else
            {
                logger.LogWarning("Share {ShareId} {Verdict}: {Reason} (job {JobId} nonce {Nonce})", share.Id, outcome.Verdict, UntrustedText.Escape(outcome.Reason ?? "no reason given", 200), UntrustedText.Escape(share.Job.JobId, 200), share.NonceHex);
            }

        }
    }
}
