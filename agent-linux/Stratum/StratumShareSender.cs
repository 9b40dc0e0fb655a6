using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// Share submission for <see cref="StratumClient"/>: the local check, the queue that bridges reconnects, and the
/// pool's verdict. Shares the client's lock and session: a share is checked against the same state jobs change.
/// </summary>
internal sealed class StratumShareSender
{
    private readonly object _gate;
    private readonly StratumSession _session;
    private readonly StratumClientOptions _options;
    private readonly Func<byte[], byte[]> _proofOfWork;
    private readonly StratumShareCounters _counters;
    private readonly ILogger _logger;
    private readonly LinkedList<PendingShare> _pending = new();
    private ReadyConnection? _ready;
    private bool _stopped;

    /// <summary>Submits through <paramref name="gate"/>-guarded <paramref name="session"/> state; counts verdicts in <paramref name="counters"/>.</summary>
    public StratumShareSender(object gate, StratumSession session, StratumClientOptions options, Func<byte[], byte[]> proofOfWork, StratumShareCounters counters, ILogger logger)
    {
        _gate = gate;
        _session = session;
        _options = options;
        _proofOfWork = proofOfWork;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>
    /// Checks a share against the pool's current difficulty and submits it. While disconnected the share waits (up to
    /// <see cref="StratumClientOptions.MaxPendingShares"/>) and is sent after the reconnect, unless its job was voided
    /// meanwhile. Completes with the pool's verdict; never throws for a pool-side problem.
    /// </summary>
    /// <exception cref="ArgumentException">The share's extranonce2 does not have the job's extranonce2 size.</exception>
    public Task<ShareResult> SubmitAsync(StratumShare share, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(share);
        share.Job.RequireExtranonce2(share.Extranonce2);
        byte[] hash = _proofOfWork(share.BuildHeader());
        var entry = new PendingShare(share);
        ReadyConnection? ready = null;
        lock (_gate)
        {
            if (!_session.IsLive(share.Job))
            {
                Complete(entry, new ShareResult(ShareVerdict.Stale, $"job {share.Job.JobId} is no longer live"));
            }
            else if (_ready is not null && (share.VersionBits & ~_session.VersionMask) != 0)
            {
                // BIP 310: a mask from mining.set_version_mask is valid immediately, so bits rolled under the old
                // mask are no longer allowed: the share is stale rather than a protocol error at the pool.
                Complete(entry, new ShareResult(ShareVerdict.Stale, $"version bits {share.VersionBits:x8} are outside the pool's new mask {_session.VersionMask:x8}"));
            }
            else if (!PoolDifficulty.ToTarget(_session.Difficulty, _options.Algorithm).IsMetBy(hash))
            {
                Complete(entry, new ShareResult(ShareVerdict.BelowTarget, $"hash does not meet pool difficulty {_session.Difficulty}"));
            }
            else if (_ready is null)
            {
                EnqueueLocked(entry);
            }
            else
            {
                ready = _ready;
            }
        }

        if (ready is not null)
        {
            _ = SendShareAsync(entry, ready);
        }

        return entry.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Called under the gate when a connection is authorized and has a job: it becomes the submit path and drains the
    /// queue. A connection already open stays. Queued shares are checked against the mask negotiated on this
    /// connection here, not when they were found: while a connection negotiates, the session's mask is unknown (0).
    /// </summary>
    public void OpenLocked(StratumConnection connection, string user)
    {
        if (_ready is not null)
        {
            return;
        }

        var ready = new ReadyConnection(connection, user, _session.VersionMask);
        _ready = ready;
        foreach (PendingShare entry in _pending)
        {
            if (!_session.IsLive(entry.Share.Job))
            {
                Complete(entry, new ShareResult(ShareVerdict.Stale, $"job {entry.Share.Job.JobId} was voided during the reconnect"));
            }
            else if ((entry.Share.VersionBits & ~ready.VersionMask) != 0)
            {
                Complete(entry, new ShareResult(ShareVerdict.Stale, $"version bits {entry.Share.VersionBits:x8} are outside the mask {ready.VersionMask:x8} negotiated on the new connection"));
            }
            else
            {
                _ = Task.Run(() => SendShareAsync(entry, ready));
            }
        }

        _pending.Clear();
    }

    private async Task SendShareAsync(PendingShare entry, ReadyConnection ready)
    {
        StratumShare share = entry.Share;
        if (share.VersionMask != 0 && ready.VersionMask == 0)
        {
            Complete(entry, new ShareResult(ShareVerdict.Stale, "version rolling is no longer negotiated"));
            return;
        }

        var submit = new SubmitParams(ready.User, share.Job.JobId, share.Extranonce2, share.NTime, share.Nonce, share.VersionMask != 0 ? share.VersionBits : null);
        try
        {
            StratumInbound answer = await ready.Connection.RequestAsync(
                id => StratumRequestWriter.Submit(id, submit), _options.ResponseTimeout, CancellationToken.None).ConfigureAwait(false);
            Complete(entry, Classify(answer));
        }
        catch (StratumConnectionLostException)
        {
            Requeue(entry, ready);
        }
        catch (TimeoutException error)
        {
            Complete(entry, new ShareResult(ShareVerdict.Rejected, error.Message));
        }
    }

    // The connection died under the submit: the share goes back to the queue (or to a newer connection).
    private void Requeue(PendingShare entry, ReadyConnection dead)
    {
        ReadyConnection? ready = null;
        lock (_gate)
        {
            if (!_session.IsLive(entry.Share.Job))
            {
                Complete(entry, new ShareResult(ShareVerdict.Stale, $"job {entry.Share.Job.JobId} was voided during the reconnect"));
            }
            else if (_ready is null || ReferenceEquals(_ready, dead))
            {
                EnqueueLocked(entry);
            }
            else
            {
                ready = _ready;
            }
        }

        if (ready is not null)
        {
            _ = SendShareAsync(entry, ready);
        }
    }

    private static ShareResult Classify(StratumInbound answer)
    {
        if (answer.Error is null && answer.Result.ValueKind == System.Text.Json.JsonValueKind.True)
        {
            return new ShareResult(ShareVerdict.Accepted, null);
        }

        StratumError error = answer.Error ?? new StratumError(0, "the pool answered false");
        return new ShareResult(error.MeansStale ? ShareVerdict.Stale : ShareVerdict.Rejected, error.ToString());
    }

    private void EnqueueLocked(PendingShare entry)
    {
        if (_stopped)
        {
            Complete(entry, new ShareResult(ShareVerdict.Dropped, "the client stopped"));
            return;
        }

        _pending.AddLast(entry);
        while (_pending.Count > _options.MaxPendingShares)
        {
            PendingShare oldest = _pending.First!.Value;
            _pending.RemoveFirst();
            Complete(oldest, new ShareResult(ShareVerdict.Dropped, $"more than {_options.MaxPendingShares} shares waited for a reconnect"));
        }
    }

    /// <summary>Called under the gate when the connection ends: shares wait in the queue until the next one opens.</summary>
    public void CloseLocked() => _ready = null;

    /// <summary>After this every queued share, and every share that would be queued later, completes as dropped.</summary>
    public void Stop(string reason)
    {
        PendingShare[] dropped;
        lock (_gate)
        {
            _stopped = true;
            dropped = new PendingShare[_pending.Count];
            _pending.CopyTo(dropped, 0);
            _pending.Clear();
        }

        foreach (PendingShare entry in dropped)
        {
            Complete(entry, new ShareResult(ShareVerdict.Dropped, reason));
        }
    }

    private void Complete(PendingShare entry, ShareResult result)
    {
        if (!entry.Completion.TrySetResult(result))
        {
            return;
        }

        _counters.Count(result);
        switch (result.Outcome)
        {
            case ShareVerdict.Accepted:
                _logger.LogDebug("Share accepted (job {JobId}, nonce {Nonce})", entry.Share.Job.JobId, HexField.Word(entry.Share.Nonce));
                break;
            case ShareVerdict.Rejected:
                _logger.LogWarning("Share rejected (job {JobId}): {Reason}", entry.Share.Job.JobId, result.Reason);
                break;
            default:
                _logger.LogInformation("Share {Outcome} (job {JobId}): {Reason}", result.Outcome, entry.Share.Job.JobId, result.Reason);
                break;
        }
    }

    private sealed record ReadyConnection(StratumConnection Connection, string User, uint VersionMask);

    private sealed class PendingShare(StratumShare share)
    {
        public StratumShare Share { get; } = share;

        public TaskCompletionSource<ShareResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
