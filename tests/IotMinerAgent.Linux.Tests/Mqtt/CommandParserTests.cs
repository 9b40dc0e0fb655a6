using System.Text;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt.Commands;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class CommandParserTests
{
    const int MaxThreads = 4;

    static CommandParseResult Parse(string name, string payload) => CommandParser.Parse(name, Encoding.UTF8.GetBytes(payload), MaxThreads);

    [Theory]
    [InlineData("pause", "", CommandKind.Pause, null)]
    [InlineData("resume", "", CommandKind.Resume, null)]
    [InlineData("pause", "{\"request_id\":\"a1\"}", CommandKind.Pause, null)]
    [InlineData("mining", "ON", CommandKind.Resume, null)]
    [InlineData("mining", "off", CommandKind.Pause, null)]
    [InlineData("mining", "{\"value\":false}", CommandKind.Pause, null)]
    [InlineData("target_temperature", "65", CommandKind.SetTargetTemperature, 65.0)]
    [InlineData("target_temperature", "62.5", CommandKind.SetTargetTemperature, 62.5)]
    [InlineData("target_temperature", "{\"value\": 30}", CommandKind.SetTargetTemperature, 30.0)]
    [InlineData("target_temperature", " 85 ", CommandKind.SetTargetTemperature, 85.0)]
    [InlineData("max_duty", "50", CommandKind.SetMaxDuty, 50.0)]
    [InlineData("max_duty", "50.0", CommandKind.SetMaxDuty, 50.0)]
    [InlineData("max_duty", "{\"value\":\"100\"}", CommandKind.SetMaxDuty, 100.0)]
    [InlineData("threads", "1", CommandKind.SetThreads, 1.0)]
    [InlineData("threads", "{\"value\":4,\"request_id\":\"x\"}", CommandKind.SetThreads, 4.0)]
    public void Valid_commands_parse_to_their_kind_and_value(string name, string payload, CommandKind kind, double? value)
    {
        CommandParseResult result = Parse(name, payload);

        Assert.Null(result.Error);
        Assert.NotNull(result.Command);
        Assert.Equal(kind, result.Command!.Kind);
        Assert.Equal(value, result.Command.Value);
        Assert.Equal(name, result.Command.Name);
    }

    [Theory]
    [InlineData("target_temperature", "29.9", "out of range")]
    [InlineData("target_temperature", "85.1", "out of range")]
    [InlineData("target_temperature", "hot", "needs a number")]
    [InlineData("target_temperature", "NaN", "needs a number")]
    [InlineData("target_temperature", "Infinity", "needs a number")]
    [InlineData("target_temperature", "", "needs a number")]
    [InlineData("max_duty", "0", "out of range")]
    [InlineData("max_duty", "101", "out of range")]
    [InlineData("max_duty", "50.5", "whole number")]
    [InlineData("threads", "0", "out of range")]
    [InlineData("threads", "5", "out of range")]
    [InlineData("threads", "-1", "out of range")]
    [InlineData("threads", "2.5", "whole number")]
    [InlineData("threads", "{\"value\":true}", "needs a number")]
    [InlineData("threads", "{\"value\":[1]}", "needs a number")]
    [InlineData("threads", "{\"value\":2,\"pool\":\"evil\"}", "unknown field 'pool'")]
    [InlineData("threads", "{\"value\":", "not valid JSON")]
    [InlineData("threads", "{\"request_id\":7}", "request_id must be a string")]
    [InlineData("mining", "maybe", "ON or OFF")]
    [InlineData("pause", "now", "takes no value")]
    [InlineData("resume", "{\"value\":1}", "takes no value")]
    [InlineData("reboot", "", "unknown command 'reboot'")]
    [InlineData("threads/extra", "2", "unknown command")]
    public void Invalid_commands_are_refused_with_a_clear_error(string name, string payload, string expected)
    {
        CommandParseResult result = Parse(name, payload);

        Assert.Null(result.Command);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("pool")]
    [InlineData("set_pool")]
    [InlineData("payout")]
    [InlineData("payout_address")]
    [InlineData("wallet")]
    [InlineData("Address")]
    public void Pool_and_payout_changes_are_always_refused(string name)
    {
        CommandParseResult result = Parse(name, "{\"value\":\"stratum+tcp://evil:3333\"}");

        Assert.Null(result.Command);
        Assert.Equal(CommandParser.ForbiddenChangeError, result.Error);
    }

    [Fact]
    public void Request_id_is_echoed_for_refused_commands_too()
    {
        CommandParseResult result = Parse("threads", "{\"value\":99,\"request_id\":\"r-42\"}");

        Assert.Null(result.Command);
        Assert.Equal("r-42", result.RequestId);
    }

    [Fact]
    public void Oversized_and_non_utf8_payloads_are_refused()
    {
        CommandParseResult big = CommandParser.Parse("threads", new byte[CommandLimits.MaxPayloadBytes + 1], MaxThreads);
        CommandParseResult binary = CommandParser.Parse("threads", [0xFF, 0xFE, 0x31], MaxThreads);

        Assert.Contains("too long", big.Error);
        Assert.Contains("not UTF-8", binary.Error);
    }
}
