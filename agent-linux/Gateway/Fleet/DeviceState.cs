using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>What the dispatcher keeps per device: its request, vardiff, rate limit and its jobs (oldest first).</summary>
internal sealed class DeviceState
{
    /// <summary>A device first seen at <paramref name="now"/>.</summary>
    public DeviceState(string deviceId, WorkRequest request, ShareRateLimiter limiter, DateTimeOffset now)
    {
        DeviceId = deviceId;
        Request = request;
        Limiter = limiter;
        LastSeen = now;
    }

    /// <summary>The device id (the topic's).</summary>
    public string DeviceId { get; }

    /// <summary>Its latest work request.</summary>
    public WorkRequest Request { get; set; }

    /// <summary>Its share rate limit.</summary>
    public ShareRateLimiter Limiter { get; }

    /// <summary>Its vardiff, created for the algorithm of its first job.</summary>
    public DeviceVardiff? Vardiff { get; set; }

    /// <summary>True while it waits for work (no template yet, or none of its algorithms).</summary>
    public bool WaitingForWork { get; set; }

    /// <summary>Its last request or share.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Its shares credited (accepted or a block) since the gateway first saw it.</summary>
    public long Accepted { get; set; }

    /// <summary>Its shares refused, for any reason, since the gateway first saw it.</summary>
    public long Rejected { get; set; }

    /// <summary>Ids of its jobs still in the job table, oldest first.</summary>
    public Queue<uint> JobIds { get; } = new();

    /// <summary>True when it hashes <paramref name="algorithm"/>.</summary>
    public bool Hashes(string algorithm)
    {
        foreach (string offered in Request.Algorithms)
        {
            if (string.Equals(offered, algorithm, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
