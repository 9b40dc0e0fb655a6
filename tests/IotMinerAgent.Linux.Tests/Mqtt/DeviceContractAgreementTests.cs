extern alias firmware;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Tests.Docs;
using FirmwareKind = firmware::IotMinerAgent.Firmware.Commands.CommandKind;
using FirmwareParser = firmware::IotMinerAgent.Firmware.Commands.CommandParser;
using FirmwareStatus = firmware::IotMinerAgent.Firmware.Status.MinerStatus;
using FirmwareTopics = firmware::IotMinerAgent.Firmware.Mqtt.DeviceTopics;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>
/// The Linux agent, the gateway and the ESP32 firmware follow one device contract (hashing-core/Portable/DeviceContract):
/// the same command gets the same decision from both parsers, the three build the same topics, and both devices
/// publish the status fields docs/mqtt.md lists.
/// </summary>
public sealed partial class DeviceContractAgreementTests
{
    // The ESP32 hashes on one thread; the agent is given the same bound so a threads value means the same on both.
    const int Threads = FirmwareParser.MaxThreads;

    // Names each platform refused before the contract (agent: pools, set_pool, stratum, set_payout; firmware: a
    // shorter list): every one of them must stay refused, by both.
    static readonly string[] s_formerlyForbidden =
        ["pool", "pools", "set_pool", "url", "stratum", "payout", "payout_address", "set_payout", "address", "wallet", "user", "worker"];

    static readonly string[] s_payloads =
    [
        "", "ON", "OFF", "on", "Off", " ON ", "{\"value\": true}", "{\"value\": false}", "{\"request_id\": \"r-1\"}", "30", "29.9", "65.5", "85",
        "85.001", "1", "0", "100", "101", "50.5", "2", "-1", "abc", "{\"value\": 60, \"request_id\": \"r-7\"}", "{\"value\": \"70\"}",
        "{\"value\": 1, \"extra\": 2}", "{\"value\": [1]}", "{not json", "{\"request_id\": 5}",
    ];

    public static TheoryData<string> ForbiddenNames()
    {
        TheoryData<string> data = [];
        foreach (string name in ForbiddenCommands.Names.Concat(s_formerlyForbidden).Distinct())
        {
            data.Add(name);
            data.Add(name.ToUpperInvariant());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenNames))]
    public void Both_parsers_refuse_every_forbidden_command_whatever_the_payload_with_the_contract_s_reason(string name)
    {
        Assert.True(ForbiddenCommands.IsForbidden(name), $"'{name}' is not in the contract's forbidden list");
        foreach (string payload in s_payloads.Append(new string('9', CommandLimits.MaxPayloadBytes + 1)))
        {
            CommandParseResult agent = CommandParser.Parse(name, Encoding.UTF8.GetBytes(payload), Threads);
            var device = FirmwareParser.Parse(name, Encoding.UTF8.GetBytes(payload), retained: false);

            Assert.Null(agent.Command);
            Assert.Equal(FirmwareKind.Refused, device.Kind);
            Assert.StartsWith(ForbiddenCommands.Reason, agent.Error);
            Assert.StartsWith(ForbiddenCommands.Reason, device.Error);
        }
    }

    [Fact]
    public void Docs_mqtt_md_lists_exactly_the_forbidden_commands()
    {
        string text = MqttDoc.Text;
        int start = text.IndexOf("<!-- forbidden commands -->", StringComparison.Ordinal);
        int end = text.IndexOf("<!-- end forbidden commands -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/mqtt.md has no <!-- forbidden commands --> list");

        string[] documented = [.. ForbiddenName().Matches(text[start..end]).Select(m => m.Groups[1].Value)];

        Assert.Equal(ForbiddenCommands.Names.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Both_parsers_decide_every_command_and_payload_alike()
    {
        List<string> differences = [];
        int accepted = 0;
        foreach (string name in CommandNames.All.Concat(["Pause", "reboot", "cmd", ""]))
        {
            foreach (string payload in s_payloads)
            {
                string agent = Decision(CommandParser.Parse(name, Encoding.UTF8.GetBytes(payload), Threads));
                string device = Decision(FirmwareParser.Parse(name, Encoding.UTF8.GetBytes(payload), retained: false));
                accepted += agent.StartsWith("refused", StringComparison.Ordinal) ? 0 : 1;
                if (agent != device)
                {
                    differences.Add($"cmd/{name} '{payload}': agent {agent}, firmware {device}");
                }
            }
        }

        Assert.Empty(differences);
        Assert.True(accepted >= 15, $"only {accepted} commands were accepted: the set no longer exercises valid commands");
    }

    [Fact]
    public void Agent_firmware_and_gateway_build_the_same_device_topics_as_docs_mqtt_md_lists()
    {
        const string id = "pi-garage";
        MqttTopics agent = new(id);
        FirmwareTopics device = new(id);

        Assert.Equal(agent.Availability, device.Availability);
        Assert.Equal(agent.Status, device.Status);
        Assert.Equal(agent.Share, device.Share);
        Assert.Equal(agent.Event, device.Event);
        Assert.Equal(agent.CommandPrefix, device.CommandPrefix);
        Assert.Equal(GatewayTopics.Work(id), device.Work);
        Assert.Equal(GatewayTopics.Verdict(id), device.Verdict);
        Assert.Equal(GatewayTopics.WorkRequest(id), device.WorkRequest);
        Assert.Equal(GatewayTopics.DeviceShare(id), device.DeviceShare);
        Assert.Equal(new GatewayTopic(GatewayTopicKind.WorkRequest, id), new GatewayTopics(1).Parse(device.WorkRequest));
        Assert.Equal(new GatewayTopic(GatewayTopicKind.DeviceShare, id), new GatewayTopics(1).Parse(device.DeviceShare));

        string[] documented =
        [
            agent.Availability, agent.Status, agent.Share, agent.Event, agent.Command("<name>"),
            device.WorkRequest, device.Work, device.DeviceShare, device.Verdict,
        ];
        foreach (string topic in documented)
        {
            string pattern = "`" + topic.Replace(id, "<device_id>", StringComparison.Ordinal) + "`";
            Assert.True(MqttDoc.Text.Contains(pattern, StringComparison.Ordinal), $"docs/mqtt.md lists no topic {pattern}");
        }

        string clientId = "`" + DeviceTopic.ClientId(id).Replace(id, "<device_id>", StringComparison.Ordinal) + "`";
        Assert.True(MqttDoc.Text.Contains("The MQTT client id is " + clientId, StringComparison.Ordinal), $"docs/mqtt.md gives another client id than {clientId}");
    }

    [Fact]
    public void Agent_and_firmware_status_carry_the_fields_docs_mqtt_md_lists_in_the_same_order()
    {
        StatusMessage status = new() { DeviceId = "pi-garage", Time = DateTimeOffset.UnixEpoch, State = AgentState.Mining, Version = "0.1.0" };
        string[] agent = Keys(JsonSerializer.Serialize(status, MqttJsonContext.Default.StatusMessage));
        string[] device = Keys(firmware::IotMinerAgent.Firmware.Mqtt.DeviceMessages.Status("pi-garage", null, new FirmwareStatus()));

        Assert.Equal(DocumentedStatusFields(), StatusFields.Common);
        Assert.Equal(StatusFields.Common.Concat(StatusFields.AgentExtra), agent);
        foreach (string extra in StatusFields.AgentExtra)
        {
            Assert.True(MqttDoc.Text.Contains("`" + extra + "`", StringComparison.Ordinal), $"docs/mqtt.md does not name the agent's status field {extra}");
        }

        Assert.Equal(StatusFields.Common.Concat(StatusFields.Esp32Extra), device);
        foreach (string extra in StatusFields.Esp32Extra)
        {
            Assert.True(MqttDoc.Text.Contains("`" + extra + "`", StringComparison.Ordinal), $"docs/mqtt.md does not name the ESP32 status field {extra}");
        }
    }

    static string Decision(CommandParseResult result) => result.Command is AgentCommand command
        ? command.Kind switch
        {
            CommandKind.Pause => "pause",
            CommandKind.Resume => "resume",
            CommandKind.SetTargetTemperature => "target_temperature=" + Number(command.Value),
            CommandKind.SetMaxDuty => "max_duty=" + Number(command.Value),
            _ => "threads=" + Number(command.Value),
        }
        : "refused";

    static string Decision(firmware::IotMinerAgent.Firmware.Commands.DeviceCommand command) => command.Kind switch
    {
        FirmwareKind.Refused => "refused",
        FirmwareKind.Pause => "pause",
        FirmwareKind.Resume => "resume",
        FirmwareKind.TargetTemperature => "target_temperature=" + Number(command.Value / 1000.0),
        FirmwareKind.MaxDuty => "max_duty=" + Number(command.Value),
        _ => "threads=" + Number(command.Value),
    };

    static string Number(double? value) => value?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    static string[] Keys(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name)];

    // The first column of the status table in "## status": `name` or `a`, `b`, `c` for one row of several fields.
    static string[] DocumentedStatusFields()
    {
        string section = MqttDoc.Text[MqttDoc.Text.IndexOf("\n## status", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("<!-- example: status -->", StringComparison.Ordinal)];
        return [.. section.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => FieldName().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value))];
    }

    [GeneratedRegex("`([a-z_0-9]+)`")]
    private static partial Regex FieldName();

    [GeneratedRegex("`cmd/([a-z_0-9]+)`")]
    private static partial Regex ForbiddenName();
}
