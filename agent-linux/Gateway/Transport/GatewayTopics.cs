using System;
using System.Globalization;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>What a topic the gateway receives on carries.</summary>
public enum GatewayTopicKind
{
    /// <summary><c>iotminer/&lt;device_id&gt;/work_request</c> (JSON).</summary>
    WorkRequest,

    /// <summary><c>iotminer/&lt;device_id&gt;/device_share</c> (binary share).</summary>
    DeviceShare,

    /// <summary><c>iotminer/gateway/&lt;instance&gt;/forward/&lt;device_id&gt;</c>: a share another gateway passed on.</summary>
    Forward,

    /// <summary><c>iotminer/gateway/&lt;instance&gt;/cmd/&lt;name&gt;</c>: a command, always refused.</summary>
    Command,

    /// <summary><c>iotminer/&lt;device_id&gt;/status</c> (JSON): the device's status, read for its energy counter.</summary>
    Status,
}

/// <summary>A received topic, parsed: its kind and the device (or command name) it names.</summary>
/// <param name="Kind">What the message carries.</param>
/// <param name="Subject">The device id (work request, share, forward) or the command name.</param>
public sealed record GatewayTopic(GatewayTopicKind Kind, string Subject);

/// <summary>
/// The gateway's topics (docs/mqtt.md, "Device work (binary)" and "Fleet gateway"): device topics under
/// <c>iotminer/&lt;device_id&gt;/</c>, received through MQTT 5 shared subscriptions (<c>$share/&lt;group&gt;/…</c>, MQTT 5
/// §4.8.2) so each message reaches one gateway of the group, and the gateway's own topics under
/// <c>iotminer/gateway/&lt;instance&gt;/</c>. Levels and device topics come from the device contract
/// (<see cref="DeviceTopic"/>), which the agent and the ESP32 firmware build theirs from too.
/// </summary>
public sealed class GatewayTopics
{
    /// <summary>Default shared subscription group.</summary>
    public const string DefaultGroup = "iotminer-gateways";

    /// <summary>The topic level that holds every gateway's own topics; no device may take it as its id.</summary>
    public const string GatewayLevel = DeviceTopic.GatewayLevel;

    const string Root = DeviceTopic.RootLevel + "/";

    /// <summary>Topics of gateway <paramref name="instance"/> in shared subscription group <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentException">The group is not one topic level.</exception>
    public GatewayTopics(byte instance, string group = DefaultGroup)
    {
        if (!IsValidGroup(group))
        {
            throw new ArgumentException($"gateway group '{group}' is invalid; allowed: one topic level without '/', '+' or '#' (e.g. {DefaultGroup})", nameof(group));
        }

        Instance = instance;
        Group = group;
        Own = $"{Root}{GatewayLevel}/{instance.ToString(CultureInfo.InvariantCulture)}/";
    }

    /// <summary>This gateway's instance number.</summary>
    public byte Instance { get; }

    /// <summary>The shared subscription group.</summary>
    public string Group { get; }

    /// <summary><c>iotminer/gateway/&lt;instance&gt;/</c>, with the trailing slash.</summary>
    public string Own { get; }

    /// <summary>Shared subscription to every device's work requests.</summary>
    public string WorkRequestFilter => $"$share/{Group}/{Root}+/{DeviceTopic.WorkRequest}";

    /// <summary>
    /// Every device's status, not shared: each gateway hears each status, so the fleet's energy is counted from one
    /// unbroken series of a device's counter whichever gateway judges its shares.
    /// </summary>
    public string DeviceStatusFilter => $"{Root}+/{DeviceTopic.Status}";

    /// <summary>Shared subscription to every device's shares.</summary>
    public string DeviceShareFilter => $"$share/{Group}/{Root}+/{DeviceTopic.DeviceShare}";

    /// <summary>Shares other gateways pass on to this one (not shared: only this instance subscribes).</summary>
    public string ForwardFilter => Own + "forward/+";

    /// <summary>Commands to this gateway (all refused: the gateway takes its settings only from configuration).</summary>
    public string CommandFilter => Own + DeviceTopic.CommandLevel + "/#";

    /// <summary><c>online</c> / <c>offline</c>, retained; the last will publishes <c>offline</c>.</summary>
    public string Availability => Own + DeviceTopic.Availability;

    /// <summary>Retained status JSON.</summary>
    public string Status => Own + DeviceTopic.Status;

    /// <summary>Events: refused work requests and commands.</summary>
    public string Event => Own + DeviceTopic.Event;

    /// <summary>MQTT client id of this gateway.</summary>
    public string ClientId => DeviceTopic.ClientIdPrefix + GatewayLevel + "-" + Instance.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where a device's jobs go.</summary>
    public static string Work(string deviceId) => DeviceTopicOf(deviceId, DeviceTopic.Work);

    /// <summary>Where a device's verdicts go.</summary>
    public static string Verdict(string deviceId) => DeviceTopicOf(deviceId, DeviceTopic.Verdict);

    /// <summary>Where a device publishes its work requests.</summary>
    public static string WorkRequest(string deviceId) => DeviceTopicOf(deviceId, DeviceTopic.WorkRequest);

    /// <summary>Where a device publishes its shares.</summary>
    public static string DeviceShare(string deviceId) => DeviceTopicOf(deviceId, DeviceTopic.DeviceShare);

    /// <summary>Where a share for a job of gateway <paramref name="owner"/> is passed on.</summary>
    public static string Forward(byte owner, string deviceId)
    {
        CheckDevice(deviceId);
        return $"{Root}{GatewayLevel}/{owner.ToString(CultureInfo.InvariantCulture)}/forward/{deviceId}";
    }

    /// <summary>True when <paramref name="deviceId"/> may be a device's id: a valid MQTT device id other than <c>gateway</c>.</summary>
    public static bool IsValidDevice(string? deviceId) => DeviceId.IsValid(deviceId) && deviceId != GatewayLevel;

    /// <summary>True when <paramref name="group"/> is one topic level fit for <c>$share/&lt;group&gt;/</c>.</summary>
    public static bool IsValidGroup(string? group) =>
        !string.IsNullOrWhiteSpace(group) && group.AsSpan().IndexOfAny("/+#") < 0 && group.Trim() == group;

    /// <summary>Parses a received topic; null for a topic the gateway does not handle or a device id that is not valid.</summary>
    public GatewayTopic? Parse(string topic)
    {
        if (topic.StartsWith(Own, StringComparison.Ordinal))
        {
            return ParseOwn(topic[Own.Length..]);
        }

        if (!topic.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        string[] levels = topic[Root.Length..].Split('/');
        if (levels.Length != 2 || !IsValidDevice(levels[0]))
        {
            return null;
        }

        return levels[1] switch
        {
            DeviceTopic.WorkRequest => new GatewayTopic(GatewayTopicKind.WorkRequest, levels[0]),
            DeviceTopic.DeviceShare => new GatewayTopic(GatewayTopicKind.DeviceShare, levels[0]),
            DeviceTopic.Status => new GatewayTopic(GatewayTopicKind.Status, levels[0]),
            _ => null,
        };
    }

    GatewayTopic? ParseOwn(string rest)
    {
        const string forward = "forward/";
        const string command = DeviceTopic.CommandLevel + "/";
        if (rest.StartsWith(forward, StringComparison.Ordinal))
        {
            string device = rest[forward.Length..];
            return IsValidDevice(device) ? new GatewayTopic(GatewayTopicKind.Forward, device) : null;
        }

        return rest.StartsWith(command, StringComparison.Ordinal) && rest.Length > command.Length
            ? new GatewayTopic(GatewayTopicKind.Command, rest[command.Length..])
            : null;
    }

    static string DeviceTopicOf(string deviceId, string leaf)
    {
        CheckDevice(deviceId);
        return DeviceTopic.Of(deviceId, leaf);
    }

    static void CheckDevice(string deviceId)
    {
        if (!IsValidDevice(deviceId))
        {
            throw new ArgumentException($"device id '{deviceId}' is invalid; allowed: 1 to {DeviceId.MaxLength} characters among a-z, A-Z, 0-9, '_' and '-', other than '{GatewayLevel}'", nameof(deviceId));
        }
    }
}
