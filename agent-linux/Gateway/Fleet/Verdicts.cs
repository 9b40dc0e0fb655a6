using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// The device's final verdict on a share the gateway verified and sent upstream (docs/mqtt.md, "How the gateway judges
/// a share", step 7): upstream's refusal, stale or otherwise, makes the device drop the job, and a share upstream never
/// got is not accepted. (An unreachable upstream is not an answer: the dispatcher holds the share until there is one.)
/// </summary>
internal static class Verdicts
{
    /// <summary>Maps upstream's answer (never <see cref="ShareVerdict.Unreachable"/>); <paramref name="block"/> is true when the hash meets the network target.</summary>
    public static (DeviceVerdictCode Code, string Reason) FromUpstream(UpstreamResult result, bool block, ILogger logger, IssuedJob job, uint nonce)
    {
        switch (result.Verdict)
        {
            case ShareVerdict.BlockAccepted:
                logger.LogInformation("Block found by device {Device} (job {Job:x8}, nonce {Nonce:x8}) and accepted upstream", job.DeviceId, job.JobId, nonce);
                return (DeviceVerdictCode.BlockFound, "block accepted upstream");
            case ShareVerdict.Accepted when block:
                logger.LogInformation("Block found by device {Device} (job {Job:x8}, nonce {Nonce:x8}); the pool accepted the share", job.DeviceId, job.JobId, nonce);
                return (DeviceVerdictCode.BlockFound, "meets the network target");
            case ShareVerdict.Accepted:
                return (DeviceVerdictCode.Accepted, "accepted upstream");
            case ShareVerdict.Stale:
                return (DeviceVerdictCode.RejectedStale, "upstream stale: " + result.Reason);
            case ShareVerdict.Rejected or ShareVerdict.BelowTarget:
                logger.LogWarning("Upstream rejected a verified share of device {Device} (job {Job:x8}, nonce {Nonce:x8}): {Reason}", job.DeviceId, job.JobId, nonce, result.Reason);
                return (DeviceVerdictCode.RejectedStale, "upstream rejected: " + result.Reason);
            default:
                // Dropped (the upstream client stopped or its queue for a reconnect overflowed): upstream never saw it.
                logger.Log(block ? LogLevel.Error : LogLevel.Warning, "A {What} of device {Device} (job {Job:x8}, nonce {Nonce:x8}) never reached upstream: {Reason}",
                    block ? "block" : "share", job.DeviceId, job.JobId, nonce, result.Reason);
                return (DeviceVerdictCode.RejectedStale, "not sent upstream: " + result.Reason);
        }
    }
}
