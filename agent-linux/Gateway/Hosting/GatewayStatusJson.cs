using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>One snapshot of the gateway for its retained <c>status</c> topic and its log line.</summary>
/// <param name="Instance">The gateway's instance number.</param>
/// <param name="Time">When the snapshot was taken.</param>
/// <param name="Devices">Devices heard from in the last five minutes.</param>
/// <param name="SharesPerSecond">Shares received per second since the previous snapshot.</param>
/// <param name="Counters">The MQTT side's counters.</param>
/// <param name="Upstream">The upstream, watched.</param>
/// <param name="Uptime">Time since the gateway started.</param>
public sealed record GatewaySnapshot(byte Instance, DateTimeOffset Time, int Devices, double SharesPerSecond, GatewayCounters Counters, ObservedUpstream Upstream, TimeSpan Uptime)
{
    /// <summary>The status JSON (docs/mqtt.md, "Fleet gateway").</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", MqttContract.Version);
            writer.WriteNumber("instance", Instance);
            writer.WriteString("time", Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            writer.WriteNumber("devices", Devices);
            writer.WriteNumber("shares_per_s", Math.Round(SharesPerSecond, 2));
            writer.WriteNumber("shares_received", Counters.SharesReceived);
            writer.WriteStartObject("verdicts");
            foreach (DeviceVerdictCode code in Enum.GetValues<DeviceVerdictCode>())
            {
                writer.WriteNumber(Name(code), Counters.Verdicts(code));
            }

            writer.WriteEndObject();
            writer.WriteNumber("forwarded", Counters.Forwarded);
            writer.WriteNumber("jobs_published", Counters.JobsPublished);
            writer.WriteNumber("work_requests_refused", Counters.RefusedRequests);
            writer.WriteString("upstream", Upstream.DisplayName);
            writer.WriteString("upstream_state", Upstream.State.ToString().ToLowerInvariant());
            writer.WriteString("algo", Upstream.Algorithm);
            writer.WriteNumber("upstream_accepted", Upstream.Accepted);
            writer.WriteNumber("upstream_rejected", Upstream.Rejected);
            writer.WriteNumber("blocks", Upstream.Blocks);
            writer.WriteNumber("uptime_s", (long)Uptime.TotalSeconds);
            writer.WriteString("version", AgentVersion.Current);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>One line for the log.</summary>
    public string Describe() =>
        $"gateway {Instance}: {Devices} devices, {SharesPerSecond:0.##} shares/s, accepted {Counters.Verdicts(DeviceVerdictCode.Accepted) + Counters.Verdicts(DeviceVerdictCode.BlockFound)}, " +
        $"pending upstream {Counters.Verdicts(DeviceVerdictCode.AcceptedPending)}, " +
        $"rejected {Counters.VerdictsTotal - Counters.Verdicts(DeviceVerdictCode.Accepted) - Counters.Verdicts(DeviceVerdictCode.BlockFound) - Counters.Verdicts(DeviceVerdictCode.AcceptedPending)}, forwarded {Counters.Forwarded}; " +
        $"upstream {Upstream.DisplayName} {Upstream.State.ToString().ToLowerInvariant()}, {Upstream.Accepted} accepted, {Upstream.Blocks} blocks";

    /// <summary>The verdict's JSON name (docs/mqtt.md verdict table), snake_case for a JSON key.</summary>
    public static string Name(DeviceVerdictCode code) => code switch
    {
        DeviceVerdictCode.Accepted => "accepted",
        DeviceVerdictCode.BlockFound => "block_found",
        DeviceVerdictCode.RejectedLowDifficulty => "rejected_low_difficulty",
        DeviceVerdictCode.RejectedDuplicate => "rejected_duplicate",
        DeviceVerdictCode.RejectedStale => "rejected_stale",
        DeviceVerdictCode.RejectedUnknownJob => "rejected_unknown_job",
        DeviceVerdictCode.RejectedMalformed => "rejected_malformed",
        DeviceVerdictCode.RejectedRateLimited => "rejected_rate_limited",
        _ => "accepted_pending",
    };
}
