using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>Judging device shares (docs/mqtt.md, "Device work (binary)", verdict codes).</summary>
public sealed partial class FleetDispatcher
{
    /// <inheritdoc />
    public void ShareArrived(string deviceId)
    {
        if (!Pace.Enabled)
        {
            return;
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_devices.TryGetValue(deviceId, out DeviceState? device))
            {
                FollowPaceLocked(device, now);
            }
        }
    }

    /// <inheritdoc />
    public async Task<DeviceVerdict> JudgeAsync(string deviceId, DeviceShare share, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(share);
        DateTimeOffset now = _time.GetUtcNow();
        Screening screening = Screen(deviceId, share, now);
        if (screening.Job is not { } job)
        {
            // A job this gateway does not know may have been judged already: by its previous run, which died before the
            // verdict went out (the broker then delivers the share again), or by another gateway on the same ledger.
            // The device gets that verdict again rather than a second, contradicting one counted twice.
            if (screening.Code == DeviceVerdictCode.RejectedUnknownJob
                && await _ledger.FindShareAsync(deviceId, share.JobId, share.Nonce, cancellationToken).ConfigureAwait(false) is { } judged)
            {
                return new DeviceVerdict(share.JobId, share.Nonce, judged.Verdict, "judged before: the ledger's verdict");
            }

            return await RecordAsync(deviceId, share, screening.Code, screening.Reason, 0, now, cancellationToken).ConfigureAwait(false);
        }

        byte[] header = ShareHasher.WithNonce(job.Header, share.Nonce);
        byte[] hash = ProofOfWork.Hash(job.Template.Algorithm, header);
        if (!job.Target.IsMetBy(hash))
        {
            LogHintDisagreement(deviceId, share, hash);
            return await RecordAsync(deviceId, share, DeviceVerdictCode.RejectedLowDifficulty, "hash does not meet the job's target", job.Difficulty, now, cancellationToken).ConfigureAwait(false);
        }

        CountForVardiff(deviceId, job, now);
        return job.Template.ShareTarget.IsMetBy(hash)
            ? await SubmitUpstreamAsync(new PendingShare(deviceId, share, job, header, job.Template.NetworkTarget.IsMetBy(hash)), now, cancellationToken).ConfigureAwait(false)
            : await RecordAsync(deviceId, share, DeviceVerdictCode.Accepted, string.Empty, job.Difficulty, now, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DeviceVerdict> RefuseOverflowAsync(string deviceId, DeviceShare share, int queueLength, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(share);
        DateTimeOffset now = _time.GetUtcNow();
        string reason = FormattableString.Invariant($"over {queueLength} shares waiting: slow down") + (SlowDown(deviceId, now) ? "; difficulty raised" : string.Empty);
        return await RecordAsync(deviceId, share, DeviceVerdictCode.RejectedRateLimited, reason, 0, now, cancellationToken).ConfigureAwait(false);
    }

    // A device that overflows its queue gets a harder job (so fewer shares) rather than a stream of refusals.
    private bool SlowDown(string deviceId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_devices.TryGetValue(deviceId, out DeviceState? device) || device.Vardiff is not { } vardiff || !vardiff.OnOverflow(now))
            {
                return false;
            }

            _logger.LogDebug("Device {Device}: its share queue overflowed, difficulty raised to {Difficulty}", deviceId, vardiff.Difficulty);
            IssueLocked(device, now);
            return true;
        }
    }

    // Every check that needs no hashing, in the order docs/mqtt.md gives the codes their meaning.
    private Screening Screen(string deviceId, DeviceShare share, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_devices.TryGetValue(deviceId, out DeviceState? device))
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedUnknownJob, "no job was issued to this device");
            }

            device.LastSeen = now;
            if (!device.Limiter.TryTake(now))
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedRateLimited, FormattableString.Invariant($"over {_options.MaxSharesPerSecond} shares/s: slow down"));
            }

            if (!_jobs.TryGetValue(share.JobId, out IssuedJob? job) || !string.Equals(job.DeviceId, deviceId, StringComparison.Ordinal))
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedUnknownJob, "unknown job: wait for a new one");
            }

            // Sent again while held for upstream (the device reconnected): it is still pending, not a duplicate.
            if (_pending.ContainsKey(PendingShare.KeyOf(share.JobId, share.Nonce)))
            {
                return Screening.Refuse(DeviceVerdictCode.AcceptedPending, "still waiting for upstream; final verdict follows");
            }

            if (job.Generation < _generation)
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedStale, "upstream moved on: drop the job");
            }

            if (now > job.ExpiresAt)
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedStale, "the job's lifetime is over");
            }

            // A nonce outside the job's range was never given to this device: it may overlap another device's range,
            // so it earns nothing. Low difficulty, because against this job it proves no work.
            if (!job.Slice.Contains(share.Nonce))
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedLowDifficulty, "nonce outside the job's range");
            }

            if (!job.MarkSubmitted(share.Nonce))
            {
                return Screening.Refuse(DeviceVerdictCode.RejectedDuplicate, "this job and nonce were already submitted");
            }

            return new Screening(job, DeviceVerdictCode.Accepted, string.Empty);
        }
    }

    // While the gateway is overloaded, each device that sends gets a harder job when its next share arrives (FleetPace).
    private void FollowPaceLocked(DeviceState device, DateTimeOffset now)
    {
        if (device.Vardiff is { } vardiff && vardiff.OnPace(Pace.Current, now))
        {
            _logger.LogDebug("Device {Device}: the gateway is overloaded, difficulty raised to {Difficulty}", device.DeviceId, vardiff.Difficulty);
            IssueLocked(device, now);
        }
    }

    private void CountForVardiff(string deviceId, IssuedJob job, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(deviceId, out DeviceState? device) && device.Vardiff is { } vardiff && vardiff.OnShare(job.Difficulty, now))
            {
                _logger.LogDebug("Device {Device}: vardiff retargets to {Difficulty}", deviceId, vardiff.Difficulty);
                IssueLocked(device, now);
            }
        }
    }

    private async Task<DeviceVerdict> RecordAsync(string deviceId, DeviceShare share, DeviceVerdictCode code, string reason, double difficulty, DateTimeOffset now, CancellationToken cancellationToken, bool resolvesPending = false)
    {
        var verdict = new DeviceVerdict(share.JobId, share.Nonce, code, VerdictReason.Printable(reason));
        if (!verdict.IsPending)
        {
            Count(deviceId, verdict.IsAccepted);
        }

        await _ledger.RecordAsync(new LedgerShare(deviceId, share.JobId, share.Nonce, code, difficulty, now) { ResolvesPending = resolvesPending }, cancellationToken).ConfigureAwait(false);
        if (!verdict.IsAccepted && !verdict.IsPending)
        {
            _logger.LogDebug("Device {Device}: share job {Job:x8} nonce {Nonce:x8} {Verdict}: {Reason}", deviceId, share.JobId, share.Nonce, code, verdict.Reason);
        }

        return verdict;
    }

    private void Count(string deviceId, bool accepted)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(deviceId, out DeviceState? device))
            {
                if (accepted)
                {
                    device.Accepted++;
                }
                else
                {
                    device.Rejected++;
                }
            }
        }
    }

    private void LogHintDisagreement(string deviceId, DeviceShare share, byte[] hash)
    {
        if (share.HasHint && share.LeadingZeroBits != DeviceShare.LeadingZeroBitsOf(hash))
        {
            _logger.LogWarning("Device {Device} claims {Claimed} leading zero bits for job {Job:x8} nonce {Nonce:x8}, the gateway's hash has {Actual}: its hashing disagrees",
                deviceId, share.LeadingZeroBits, share.JobId, share.Nonce, DeviceShare.LeadingZeroBitsOf(hash));
        }
    }

    private readonly record struct Screening(IssuedJob? Job, DeviceVerdictCode Code, string Reason)
    {
        public static Screening Refuse(DeviceVerdictCode code, string reason) => new(null, code, reason);
    }
}
