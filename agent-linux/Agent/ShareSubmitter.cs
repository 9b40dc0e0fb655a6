using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Submits confirmed shares to the work source in the order found, and counts and logs each verdict.</summary>
public sealed class ShareSubmitter(ShareSink sink, IWorkSource source, MinerStats stats, ILogger<ShareSubmitter> logger) : BackgroundService
{
    /// <summary>Raised after a share's verdict is known (MQTT reporting subscribes).</summary>
    public event Action<FoundShare, ShareOutcome>? Submitted;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (FoundShare share in sink.Confirmed.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            ShareOutcome outcome = await source.SubmitAsync(share, stoppingToken).ConfigureAwait(false);
            stats.RecordOutcome(outcome.Verdict);
            if (outcome.Verdict == ShareVerdict.Accepted)
            {
                logger.LogInformation("Share {ShareId} accepted: job {JobId} nonce {Nonce} difficulty {Difficulty:G4}", share.Id, share.Job.JobId, share.NonceHex, share.Difficulty);
            }
            else
            {
                logger.LogWarning("Share {ShareId} {Verdict}: {Reason} (job {JobId} nonce {Nonce})", share.Id, outcome.Verdict, outcome.Reason ?? "no reason given", share.Job.JobId, share.NonceHex);
            }

            Submitted?.Invoke(share, outcome);
        }
    }
}
