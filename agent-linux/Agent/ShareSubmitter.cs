using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Two stages between the sink and the work source. Journal: confirmed shares are recorded in the journal as soon as
/// the sink confirms them, whatever the pool is doing (the MQTT outbox writes to disk, within a second, those the
/// broker has not acknowledged by then: docs/mqtt.md, "Disk writes"). Submit: journalled shares go back through their
/// job to its work source in the order found, up to <c>maxInFlight</c> (<c>stratum:maxPendingShares</c>) awaiting the
/// pool's answer at once, and each verdict is recorded, counted and logged when it arrives (accepted ones summarised
/// when they come fast). A slow or silent pool therefore delays verdicts only: every share found is in the journal
/// before the pool sees it (the journal publishes an unanswered share with no result).
/// </summary>
/// <param name="sink">Where confirmed shares come from.</param>
/// <param name="journal">Where each share and its verdict are recorded.</param>
/// <param name="stats">The verdict counters.</param>
/// <param name="recent">The last shares and their verdicts, for the REST API.</param>
/// <param name="logger">The log of verdicts other than accepted (one line each).</param>
/// <param name="clock">The clock of the accepted-share summaries (<see cref="ShareSummary"/>).</param>
/// <param name="maxInFlight">Submissions awaiting an answer at once (at least 1).</param>
public sealed class ShareSubmitter(ShareSink sink, IShareJournal journal, MinerStats stats, RecentShares recent, ILogger<ShareSubmitter> logger, TimeProvider clock, int maxInFlight)
    : BackgroundService
{
    private readonly int _maxInFlight = Math.Max(1, maxInFlight);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Journalled shares waiting for a submission slot: all of them are on disk already, so holding them in memory is safe.
        Channel<FoundShare> journalled = Channel.CreateUnbounded<FoundShare>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Disposed when the submitter stops: the last partial interval is summarised before the agent's stop line.
        using var summary = new ShareSummary(logger, clock, ShareSummary.DefaultInterval);
        Task journalling = JournalAsync(journalled.Writer, failed.Token);
        Task submitting = Parallel.ForEachAsync(journalled.Reader.ReadAllAsync(failed.Token),
            new ParallelOptions { MaxDegreeOfParallelism = _maxInFlight, CancellationToken = failed.Token }, (share, ct) => SubmitAsync(share, summary, ct));

        // A failure in one stage (the journal cannot write, the source throws) stops the other, and the host with it.
        Task first = await Task.WhenAny(journalling, submitting).ConfigureAwait(false);
        if (first.IsFaulted)
        {
            await failed.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(journalling, submitting).ConfigureAwait(false);
    }

    private async Task JournalAsync(ChannelWriter<FoundShare> journalled, CancellationToken cancellationToken)
    {
        var batch = new List<FoundShare>();
        try
        {
            while (await sink.Confirmed.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Record(batch, journalled);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the shares confirmed meanwhile are journalled still, so a clean stop loses none.
            Record(batch, journalled);
            throw;
        }
        finally
        {
            journalled.TryComplete();
        }
    }

    // Every share confirmed so far goes into the journal, in one call, and only then on to the work source.
    private void Record(List<FoundShare> batch, ChannelWriter<FoundShare> journalled)
    {
        while (sink.Confirmed.TryRead(out FoundShare? share))
        {
            batch.Add(share);
        }

        if (batch.Count == 0)
        {
            return;
        }

        journal.Found(batch);
        foreach (FoundShare share in batch)
        {
            recent.Found(share);
            journalled.TryWrite(share);
        }

        batch.Clear();
    }

    private async ValueTask SubmitAsync(FoundShare share, ShareSummary summary, CancellationToken cancellationToken)
    {
        ShareOutcome outcome = await share.Job.SubmitAsync(share, cancellationToken).ConfigureAwait(false);
        stats.RecordOutcome(outcome.Verdict);
        journal.Answered(share, outcome);
        recent.Answered(share, outcome);
        if (outcome.Verdict == ShareVerdict.Accepted)
        {
            summary.Accepted(share);
        }
        else
        {
            logger.LogWarning("Share {ShareId} {Verdict}: {Reason} (job {JobId} nonce {Nonce})", share.Id, outcome.Verdict, UntrustedText.Escape(outcome.Reason ?? "no reason given", 200), UntrustedText.Escape(share.Job.JobId, 200), share.Nonce.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
