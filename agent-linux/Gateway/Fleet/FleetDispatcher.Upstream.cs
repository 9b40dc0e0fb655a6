using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// Shares on their way upstream (docs/mqtt.md, "How the gateway judges a share", step 7): upstream's answer within
/// <c>gateway:upstreamTimeoutSeconds</c> is the verdict; otherwise the share is held (ledger state pending_upstream,
/// device told <c>accepted-pending</c>) and its final verdict follows on <see cref="LateVerdicts"/> once upstream
/// answers. Nothing is called accepted that upstream never saw.
/// </summary>
public sealed partial class FleetDispatcher
{
    /// <inheritdoc />
    public ChannelReader<DeviceVerdictFor> LateVerdicts => _late.Reader;

    /// <summary>Shares held for upstream now (answered <c>accepted-pending</c>, final verdict not yet given).</summary>
    public int PendingUpstream
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    private async Task<DeviceVerdict> SubmitUpstreamAsync(PendingShare pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Task<UpstreamResult> submit = SubmitOnceAsync(pending, cancellationToken);
        try
        {
            // The wait's timer goes away as soon as upstream answers.
            await submit.WaitAsync(TimeSpan.FromSeconds(_options.UpstreamTimeoutSeconds), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // No answer yet: the share is held below and upstream's answer, whenever it comes, is the final verdict.
        }

        // The gateway is stopping: there is no verdict to give, and the share may still reach upstream.
        cancellationToken.ThrowIfCancellationRequested();
        if (submit.IsCompletedSuccessfully && submit.Result.Verdict != ShareVerdict.Unreachable)
        {
            (DeviceVerdictCode code, string reason) = Verdicts.FromUpstream(submit.Result, pending.Block, _logger, pending.Job, pending.Share.Nonce);
            return await RecordAsync(pending.DeviceId, pending.Share, code, reason, pending.Job.Difficulty, now, cancellationToken).ConfigureAwait(false);
        }

        string why = submit.IsCompleted
            ? "upstream unreachable; final verdict follows"
            : FormattableString.Invariant($"no answer from upstream in {_options.UpstreamTimeoutSeconds} s; final verdict follows");
        if (pending.Block)
        {
            _logger.LogError("A block found by device {Device} (job {Job:x8}, nonce {Nonce:x8}) is held for upstream: {Reason}", pending.DeviceId, pending.Share.JobId, pending.Share.Nonce, why);
        }
        else
        {
            _logger.LogWarning("Share of device {Device} (job {Job:x8}, nonce {Nonce:x8}) held for upstream: {Reason}", pending.DeviceId, pending.Share.JobId, pending.Share.Nonce, why);
        }

        lock (_gate)
        {
            _pending[pending.Key] = pending;
        }

        DeviceVerdict verdict = await RecordAsync(pending.DeviceId, pending.Share, DeviceVerdictCode.AcceptedPending, why, pending.Job.Difficulty, now, cancellationToken).ConfigureAwait(false);
        _ = FollowAsync(pending, submit, cancellationToken);
        return verdict;
    }

    private async Task<UpstreamResult> SubmitOnceAsync(PendingShare pending, CancellationToken cancellationToken)
    {
        var submission = new UpstreamSubmission(pending.Job.Template, pending.Job.Slice.WorkUnit, pending.Share.Nonce, pending.Header);
        try
        {
            return await _upstream.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            // Not upstream's answer but a failure on the way (a bug, an I/O error): the share was not judged upstream.
            _logger.LogError(error, "Submitting the share of device {Device} upstream failed", pending.DeviceId);
            return new UpstreamResult(ShareVerdict.Unreachable, error.Message);
        }
    }

    // Waits for upstream's answer to a held share: the final verdict, or (upstream said unreachable) a retry with the next template.
    private async Task FollowAsync(PendingShare pending, Task<UpstreamResult> submit, CancellationToken cancellationToken)
    {
        UpstreamResult result;
        try
        {
            result = await submit.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The gateway is stopping: the ledger keeps the share as pending_upstream (see IDeviceLedger.AbandonPendingAsync).
            return;
        }

        if (result.Verdict == ShareVerdict.Unreachable)
        {
            lock (_gate)
            {
                _retry.Add(pending);
            }

            return;
        }

        (DeviceVerdictCode code, string reason) = Verdicts.FromUpstream(result, pending.Block, _logger, pending.Job, pending.Share.Nonce);
        await FinishAsync(pending, code, reason, cancellationToken).ConfigureAwait(false);
    }

    // Records the final verdict of a held share (it replaces pending_upstream in the ledger), then hands it to the transport.
    private async Task FinishAsync(PendingShare pending, DeviceVerdictCode code, string reason, CancellationToken cancellationToken)
    {
        DeviceVerdict verdict;
        try
        {
            verdict = await RecordAsync(pending.DeviceId, pending.Share, code, reason, pending.Job.Difficulty, _time.GetUtcNow(), cancellationToken, resolvesPending: true).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }
        catch (Exception error)
        {
            _logger.LogError(error, "The final verdict of device {Device}'s share (job {Job:x8}, nonce {Nonce:x8}) could not be recorded; it stays pending", pending.DeviceId, pending.Share.JobId, pending.Share.Nonce);
            return;
        }

        lock (_gate)
        {
            _pending.Remove(pending.Key);
        }

        _logger.LogInformation("Share of device {Device} (job {Job:x8}, nonce {Nonce:x8}) held for upstream: {Verdict} {Reason}",
            pending.DeviceId, pending.Share.JobId, pending.Share.Nonce, code, verdict.Reason);
        _late.Writer.TryWrite(new DeviceVerdictFor(pending.DeviceId, verdict));
    }

    // Upstream is back (it sent work): held shares whose job is still current go again, the others are stale.
    private void RetryHeld(CancellationToken cancellationToken)
    {
        List<(PendingShare Share, bool Current)> due;
        lock (_gate)
        {
            if (_retry.Count == 0)
            {
                return;
            }

            due = new List<(PendingShare, bool)>(_retry.Count);
            foreach (PendingShare pending in _retry)
            {
                due.Add((pending, pending.Job.Generation == _generation));
            }

            _retry.Clear();
        }

        foreach ((PendingShare pending, bool current) in due)
        {
            _ = current
                ? FollowAsync(pending, SubmitOnceAsync(pending, cancellationToken), cancellationToken)
                : FinishAsync(pending, DeviceVerdictCode.RejectedStale, "upstream replaced the job while it was unreachable", cancellationToken);
        }
    }
}
