using System.Linq;
using CsCheck;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>
/// CsCheck over the Stratum codec and session: real pool lines with their strings replaced by outside text, with
/// characters inserted raw, and random text. Nothing throws; every line is a valid message or a clean refusal; and no
/// text the client would log or show (problems, errors, operator messages, job ids) holds a raw control or bidi character.
/// </summary>
public sealed class StratumCodecPropertyTests
{
    private const int Cases = 100_000;

    private static readonly string[] Corpus =
    [
        .. StratumVectors.All().Select(StratumVectors.NotifyLine),
        StratumSessionTests.Notify("j1", clean: true),
        "{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"b4b6693b\"],[\"mining.notify\",\"ae6812eb\"]],\"08000002\",4],\"error\":null}",
        "{\"id\":2,\"result\":true,\"error\":null}",
        "{\"id\":3,\"result\":null,\"error\":[21,\"Job not found\",null]}",
        "{\"id\":4,\"result\":null,\"error\":{\"code\":23,\"message\":\"Low difficulty share\"}}",
        "{\"id\":5,\"result\":null,\"error\":\"Stale share\"}",
        "{\"id\":6,\"result\":{\"version-rolling\":true,\"version-rolling.mask\":\"1fffe000\"},\"error\":null}",
        "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[\"0.001\"]}",
        "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"aabbccdd\",4]}",
        "{\"id\":7,\"method\":\"mining.ping\",\"params\":[]}",
        "{\"id\":8,\"method\":\"some.unknown\",\"params\":[]}",
        "{\"id\":null,\"method\":\"client.reconnect\",\"params\":[\"pool.example\",3333,0]}",
        "{\"id\":null,\"method\":\"client.show_message\",\"params\":[\"hello\"]}",
    ];

    private static readonly Gen<string> Lines = Gen.OneOf(
        Gen.Select(Gen.Int[0, Corpus.Length - 1], Gen.Int, OutsideTextGen.JsonLiteral(80), (i, n, literal) => OutsideTextGen.ReplaceString(Corpus[i], n, literal)),
        Gen.Select(Gen.Int[0, Corpus.Length - 1], Gen.Int, OutsideTextGen.Text(6), (i, at, text) => Corpus[i].Insert((int)((uint)at % (uint)(Corpus[i].Length + 1)), text)),
        OutsideTextGen.Text(200));

    [Fact]
    public void Lines_from_outside_parse_to_a_message_or_a_clean_refusal_and_nothing_unescaped_comes_out()
    {
        var session = new StratumSession(8, "iotminer/property");
        int messages = 0;
        Lines.Sample(line =>
        {
            if (!StratumLineParser.TryParse(line, out StratumInbound? message, out string problem))
            {
                Assert.NotEmpty(problem);
                Assert.True(OutsideTextGen.IsSafe(problem), problem);
                return;
            }

            messages++;
            Assert.Empty(problem);
            if (message.Kind == StratumInboundKind.Response)
            {
                Assert.True(message.Error is null || (message.Error.Message.Length is > 0 and <= StratumError.MaxMessageLength && OutsideTextGen.IsSafe(message.Error.ToString())), message.Error?.Message);
                SubscribeResult.TryParse(message.Result, out _);
                ServerParams.TryReadConfigureResult(message.Result, out _, out _);
                return;
            }

            Assert.NotEmpty(message.Method);
            SessionUpdate update = session.Apply(message);
            Assert.True(OutsideTextGen.IsSafe(update.Problem), update.Problem);
            Assert.True(OutsideTextGen.IsSafe(update.OperatorMessage), update.OperatorMessage);
            Assert.True(update.OperatorMessage is null || update.OperatorMessage.Length <= ServerParams.MaxMessageLength);
            if (session.CurrentJob is { } job)
            {
                Assert.True(job.JobId.Length is > 0 and <= MiningNotify.MaxJobIdLength && job.JobId.All(c => c is >= ' ' and <= '~'), job.JobId);
            }
        }, iter: Cases, threads: 1);

        // The mutations reach the typed readers, not only the JSON error path. (About 9 s on a loaded 2-core box.)
        Assert.True(messages > Cases / 10, $"{messages} of {Cases} lines parsed");
    }

    // Found by the test above: System.Text.Json parses these (JSON allows the escape) but throws from GetString and
    // from TryGetProperty on the object; the parser must refuse them instead.
    [Theory]
    [InlineData("{\"id\":3,\"result\":null,\"error\":{\"\\ud800\":1,\"message\":\"x\"}}")]
    [InlineData("{\"id\":null,\"method\":\"\\udc00\",\"params\":[]}")]
    [InlineData("{\"\\ud800id\":7,\"method\":\"mining.ping\",\"params\":[]}")]
    [InlineData("{\"id\":null,\"method\":\"client.show_message\",\"params\":[\"\\ud800\"]}")]
    public void A_line_with_an_unpaired_surrogate_escape_is_refused_not_thrown(string line)
    {
        Assert.False(StratumLineParser.TryParse(line, out _, out string problem));
        Assert.Contains("unpaired surrogate", problem, System.StringComparison.Ordinal);
    }
}
