using System;
using System.Text;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Fuzz;

/// <summary>
/// The parsers of outside input and what each must do with any input: return a valid message or a clean refusal,
/// never throw, and never let a raw control or bidi character out (the same properties the CsCheck tests assert).
/// </summary>
internal static class FuzzTargets
{
    public static readonly FuzzTarget[] All =
    [
        new("stratum", StratumLines, StratumSeeds),
        new("mqtt-command", MqttCommand, MqttSeeds),
        new("device-wire", DeviceWire, DeviceSeeds),
    ];

    public static FuzzTarget? Find(string name) => Array.Find(All, t => t.Name == name);

    // Every line of the input through the parser, the typed readers and one session, as the client reads a pool.
    private static void StratumLines(byte[] input)
    {
        var session = new StratumSession(8, "iotminer/fuzz");
        foreach (string line in Encoding.UTF8.GetString(input).Split('\n'))
        {
            if (!StratumLineParser.TryParse(line, out StratumInbound? message, out string problem))
            {
                Check(problem.Length > 0, "a refusal without a reason");
                Safe(problem);
                continue;
            }

            if (message.Kind == StratumInboundKind.Response)
            {
                Safe(message.Error?.ToString());
                SubscribeResult.TryParse(message.Result, out _);
                ServerParams.TryReadConfigureResult(message.Result, out _, out _);
                continue;
            }

            SessionUpdate update = session.Apply(message);
            Safe(update.Problem);
            Safe(update.OperatorMessage);
            Check(session.CurrentJob is null || UntrustedText.IsPrintableAscii(session.CurrentJob.JobId, MiningNotify.MaxJobIdLength), "a job id outside printable ASCII");
        }
    }

    // The first line is the command name (the topic level), the rest the payload.
    private static void MqttCommand(byte[] input)
    {
        int newline = Array.IndexOf(input, (byte)'\n');
        string name = Encoding.UTF8.GetString(input, 0, newline < 0 ? input.Length : newline);
        byte[] payload = newline < 0 ? [] : input[(newline + 1)..];
        CommandParseResult result = CommandParser.Parse(name, payload, maxThreads: 4);
        Check((result.Command is null) != (result.Error is null), "neither a command nor an error");
        Safe(result.Error);
        Safe(result.RequestId);
    }

    private static void DeviceWire(byte[] input)
    {
        Decode(() => DeviceJob.Decode(input));
        Decode(() => DeviceShare.Decode(input));
        Decode(() => Safe(DeviceVerdict.Decode(input).Reason));
    }

    private static void Decode(Action decode)
    {
        try
        {
            decode();
        }
        catch (DeviceMessageException)
        {
            // The clean refusal.
        }
    }

    private static byte[][] StratumSeeds() =>
    [
        Utf8("{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"b4b6693b\"],[\"mining.notify\",\"ae6812eb\"]],\"08000002\",4],\"error\":null}\n"
            + "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.001]}\n"
            + "{\"params\":[\"bf\",\"4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000\",\"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20020862062f503253482f04b8864e5008\",\"072f736c7573682f000000000100f2052a010000001976a914d23fcdf86f7e756a64a7a9688ef9903327048ed988ac00000000\",[],\"00000002\",\"1c2ac4af\",\"504e86b9\",false],\"id\":null,\"method\":\"mining.notify\"}\n"),
        Utf8("{\"id\":3,\"result\":null,\"error\":[21,\"Job not found\",null]}\n{\"id\":4,\"result\":null,\"error\":{\"code\":23,\"message\":\"Low difficulty\"}}\n"),
        Utf8("{\"id\":7,\"method\":\"mining.ping\",\"params\":[]}\n{\"id\":null,\"method\":\"client.show_message\",\"params\":[\"hello\"]}\n"
            + "{\"id\":null,\"method\":\"client.reconnect\",\"params\":[\"pool.example\",3333,5]}\n{\"id\":9,\"method\":\"x.unknown\",\"params\":[]}\n"),
        Utf8("{\"id\":5,\"result\":{\"version-rolling\":true,\"version-rolling.mask\":\"1fffe000\"},\"error\":null}\n"
            + "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"aabbccdd\",4]}\n{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"1fffe000\"]}\n"),
    ];

    private static byte[][] MqttSeeds() =>
    [
        Utf8("threads\n2"),
        Utf8("target_temperature\n{\"value\": 58.5, \"request_id\": \"ha-1\"}"),
        Utf8("mining\nOFF"),
        Utf8("max_duty\n{\"value\": 40}"),
        Utf8("pause\n"),
    ];

    private static byte[][] DeviceSeeds()
    {
        var target = Target.FromCompact(0x1d00ffff);
        DeviceJob sha = DeviceJob.ForSha256d(7, [1, 2, 3, 4, 5, 6, 7, 8], new byte[DeviceJob.TailLength], target, 0, 1 << 20, 1_700_000_000, 60);
        DeviceJob scrypt = DeviceJob.ForScrypt(8, new byte[DeviceJob.PrefixLength], target, 100, 1000, 1_700_000_000, 60);
        return
        [
            sha.Encode(),
            scrypt.Encode(),
            new DeviceShare(7, 12345).Encode(),
            new DeviceVerdict(7, 12345, DeviceVerdictCode.RejectedLowDifficulty, "low difficulty").Encode(),
        ];
    }

    private static void Safe(string? text) => Check(text is null || UntrustedText.Escape(text, int.MaxValue) == text, "raw outside text: " + text);

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("property violated: " + what);
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
