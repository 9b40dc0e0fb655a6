using System.Text;
using IotMinerAgent.Firmware.Commands;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>cmd/&lt;name&gt; as docs/mqtt.md specifies: plain text or {"value","request_id"}, nothing that moves the payout.</summary>
public sealed class CommandParserTests
{
    static DeviceCommand Parse(string name, string payload, bool retained = false) => CommandParser.Parse(name, Encoding.UTF8.GetBytes(payload), retained);

    [Theory]
    [InlineData("pause", "", CommandKind.Pause, 0)]
    [InlineData("resume", "{\"request_id\": \"r\"}", CommandKind.Resume, 0)]
    [InlineData("mining", "OFF", CommandKind.Pause, 0)]
    [InlineData("mining", "{\"value\": true}", CommandKind.Resume, 0)]
    [InlineData("target_temperature", "62.5", CommandKind.TargetTemperature, 62500)]
    [InlineData("target_temperature", "{\"value\": 60}", CommandKind.TargetTemperature, 60000)]
    [InlineData("max_duty", "40", CommandKind.MaxDuty, 40)]
    [InlineData("threads", "1", CommandKind.Threads, 1)]
    public void Valid_commands_are_understood(string name, string payload, CommandKind kind, long value)
    {
        DeviceCommand command = Parse(name, payload);

        Assert.Null(command.Error);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(value, command.Value);
    }

    [Theory]
    [InlineData("pool", "stratum+tcp://x:1", "never be changed over MQTT")]
    [InlineData("wallet", "bc1q...", "never be changed over MQTT")]
    [InlineData("target_temperature", "90", "allowed: 30 to 85 °C")]
    [InlineData("max_duty", "12.5", "whole number")]
    [InlineData("threads", "2", "allowed: 1 to 1 threads")]
    [InlineData("pause", "{\"value\": 1, \"extra\": 2}", "field 'extra' is not allowed")]
    [InlineData("pause", "{\"value\": ", "malformed JSON")]
    [InlineData("reboot", "", "unknown command 'reboot'")]
    public void Bad_and_forbidden_commands_are_refused_with_a_reason(string name, string payload, string expected)
    {
        DeviceCommand command = Parse(name, payload);

        Assert.Equal(CommandKind.Refused, command.Kind);
        Assert.Contains(expected, command.Error);
    }

    [Fact]
    public void Retained_and_oversized_commands_are_refused()
    {
        Assert.Contains("retain", Parse("pause", "", retained: true).Error);
        Assert.Contains("too long", Parse("max_duty", new string(' ', 1025) + "5").Error);
    }
}
