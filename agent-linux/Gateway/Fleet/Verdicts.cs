using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// The device's verdict on a share the gateway verified and sent upstream (documented in docs/mqtt.md, "Shares sent
/// upstream"): upstream's refusal, stale or otherwise, makes the device drop the job; an unreachable upstream does not
/// make the device's valid work invalid, so the share is accepted and counted locally, and the reason says it was not sent.
/// </summary>
internal static class Verdicts
{
    /// <summary>Maps upstream's answer; <paramref name="block"/> is true when the hash meets the network target.</summary>
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
                if (block)
                {
                    logger.LogError("A block found by device {Device} (job {Job:x8}, nonce {Nonce:x8}) could not be sent: {Reason}", job.DeviceId, job.JobId, nonce, result.Reason);
                }
                else
                {
                    logger.LogWarning("Share of device {Device} not sent, upstream unreachable: {Reason}", job.DeviceId, result.Reason);
                }

                return (DeviceVerdictCode.Accepted, "counted locally, not sent: upstream unreachable");
        }
    }
}
