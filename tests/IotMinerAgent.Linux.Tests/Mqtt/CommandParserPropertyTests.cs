using System;
using System.Text;
using CsCheck;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt.Commands;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>
/// CsCheck over the MQTT command parser: any topic name, real payloads with their strings replaced by outside text,
/// characters inserted raw, and random bytes. Nothing throws; every command is valid and in range or refused with an
/// error; nothing echoed back (error, request id) holds a raw control or bidi character.
/// </summary>
public sealed class CommandParserPropertyTests
{
    private const int Cases = 100_000;
    private const int MaxThreads = 4;

    private static readonly string[] Payloads =
    [
        "", "65", "ON", "OFF", "2", "58.5", "{\"value\": 58.5, \"request_id\": \"ha-1\"}", "{\"value\": true}",
        "{\"request_id\": \"r\"}", "{\"value\": \"ON\", \"request_id\": \"x\"}", "{\"value\": null}", "{\"value\": [1]}",
    ];

    private static readonly Gen<string> Names = Gen.OneOf(OutsideTextGen.Element(CommandNames.All), OutsideTextGen.Element("pool", "payout_address"), OutsideTextGen.Text(80));

    private static readonly Gen<byte[]> Bodies = Gen.OneOf(
        OutsideTextGen.Element(Payloads).Select(Utf8),
        Gen.Select(Gen.Int[0, Payloads.Length - 1], Gen.Int, OutsideTextGen.JsonLiteral(60), (i, n, literal) => Utf8(OutsideTextGen.ReplaceString(Payloads[i], n, literal))),
        Gen.Select(Gen.Int[0, Payloads.Length - 1], Gen.Int, OutsideTextGen.Text(6), (i, at, text) => Utf8(Payloads[i].Insert((int)((uint)at % (uint)(Payloads[i].Length + 1)), text))),
        Gen.Byte.Array[0, 1100]);

    [Fact]
    public void Any_name_and_payload_give_a_valid_command_or_a_clean_refusal()
    {
        int valid = 0;
        Gen.Select(Names, Bodies).Sample((name, payload) =>
        {
            CommandParseResult result = CommandParser.Parse(name, payload, MaxThreads);
            Assert.True(OutsideTextGen.IsSafe(result.RequestId), result.RequestId);
            Assert.True(result.RequestId is null || result.RequestId.Length <= CommandLimits.MaxRequestIdLength);
            if (result.Command is not AgentCommand command)
            {
                Assert.False(string.IsNullOrEmpty(result.Error));
                Assert.True(OutsideTextGen.IsSafe(result.Error), result.Error);
                return;
            }

            valid++;
            Assert.Null(result.Error);
            Assert.Contains(command.Name, CommandNames.All);
            Assert.True(Enum.IsDefined(command.Kind));
            Assert.True(command.Value is null || InRange(command.Kind, command.Value.Value), $"{command.Kind} {command.Value}");
        }, iter: Cases, threads: 1);

        Assert.True(valid > Cases / 200, $"{valid} of {Cases} commands were valid: the generator no longer reaches the checks");
    }

    private static bool InRange(CommandKind kind, double value) => kind switch
    {
        CommandKind.SetTargetTemperature => value is >= CommandLimits.MinTargetTemperatureC and <= CommandLimits.MaxTargetTemperatureC,
        CommandKind.SetMaxDuty => value is >= CommandLimits.MinMaxDutyPercent and <= CommandLimits.MaxMaxDutyPercent && value == Math.Floor(value),
        CommandKind.SetThreads => value is >= CommandLimits.MinThreads and <= MaxThreads && value == Math.Floor(value),
        _ => false,
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("{\"\\ud800\": 1}")]
    [InlineData("{\"value\": \"\\udc00\"}")]
    [InlineData("{\"request_id\": \"\\ud800\"}")]
    public void A_payload_with_an_unpaired_surrogate_escape_is_refused_not_thrown(string payload)
    {
        CommandParseResult result = CommandParser.Parse("threads", Utf8(payload), MaxThreads);

        Assert.Null(result.Command);
        Assert.Contains("unpaired surrogate", result.Error, StringComparison.Ordinal);
    }
}
