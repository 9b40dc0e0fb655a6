using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>
/// 100,000 random and mutated pool lines (seeded) through everything the client does with a line: parse, typed
/// readers, session. Nothing may throw, state stays bounded, and every reply is one valid JSON line.
/// </summary>
public class StratumParserFuzzTests
{
    private const int Lines = 100_000;
    private const int MaxJobs = 8;

    private static readonly string[] Corpus = BuildCorpus();

    [Fact]
    public void Hundred_thousand_random_and_mutated_lines_never_escape_or_grow_the_session()
    {
        var random = new Random(20261124);
        var session = new StratumSession(MaxJobs, "iotminer/fuzz");
        var outcome = new Dictionary<string, int>();

        for (int i = 0; i < Lines; i++)
        {
            string line = NextLine(random);
            string kind = Feed(session, line);
            outcome[kind] = outcome.GetValueOrDefault(kind) + 1;
            Assert.True(session.JobCount <= MaxJobs);
        }

        // The mutations must reach the deep paths, not only the JSON error path.
        Assert.True(outcome.GetValueOrDefault("malformed") > Lines / 10, Describe(outcome));
        Assert.True(outcome.GetValueOrDefault("work") > 1000, Describe(outcome));
        Assert.True(outcome.GetValueOrDefault("response") > 1000, Describe(outcome));
        Assert.True(outcome.GetValueOrDefault("reply") > 100, Describe(outcome));
        Assert.True(outcome.GetValueOrDefault("ignored") > 1000, Describe(outcome));
    }

    [Fact]
    public async Task The_same_lines_as_one_stream_with_floods_keep_the_reader_bounded()
    {
        var random = new Random(7);
        var stream = new MemoryStream();
        int written = 0;
        for (int i = 0; i < 5_000; i++)
        {
            byte[] line = random.Next(100) == 0 ? RandomBytes(random, 3000 + random.Next(20_000), allowNewline: false) : Encoding.UTF8.GetBytes(NextLine(random).Replace('\n', ' '));
            stream.Write(line);
            stream.WriteByte((byte)'\n');
            written++;
        }

        stream.Position = 0;
        var reader = new BoundedLineReader(stream, 2048);
        var session = new StratumSession(MaxJobs, "iotminer/fuzz");
        int read = 0;
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            Feed(session, line);
            read++;
        }

        Assert.True(reader.OversizedLines > 10);
        Assert.True(reader.BufferCapacity <= 2048);
        Assert.True(read + reader.OversizedLines <= written);
    }

    private static string Feed(StratumSession session, string line)
    {
        if (!StratumLineParser.TryParse(line, out StratumInbound? message, out string problem))
        {
            Assert.NotEmpty(problem);
            return "malformed";
        }

        if (message.Kind == StratumInboundKind.Response)
        {
            SubscribeResult.TryParse(message.Result, out _);
            ServerParams.TryReadConfigureResult(message.Result, out _, out _);
            _ = message.Error?.MeansStale;
            return "response";
        }

        SessionUpdate update = session.Apply(message);
        if (update.Reply is { } reply)
        {
            Assert.DoesNotContain('\n', reply);
            using JsonDocument parsed = JsonDocument.Parse(reply);
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
            return "reply";
        }

        if (update.Problem is not null)
        {
            return "ignored";
        }

        if (update.WorkChanged && session.CurrentJob is { } job && job.Extranonce2Size <= 8)
        {
            // A job that was accepted must build a header.
            Assert.Equal(80, job.BuildHeader(job.Extranonce2(0), job.NTime, job.Version, 0).Length);
        }

        return update.WorkChanged ? "work" : "applied";
    }

    private static string NextLine(Random random) => random.Next(10) switch
    {
        0 => Encoding.UTF8.GetString(RandomBytes(random, random.Next(0, 300), allowNewline: true)),
        1 => RandomJsonMessage(random),
        _ => Mutate(random, Corpus[random.Next(Corpus.Length)]),
    };

    private static string Mutate(Random random, string line)
    {
        var text = new StringBuilder(line);
        int mutations = random.Next(0, 4);
        for (int m = 0; m < mutations && text.Length > 0; m++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(7))
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, "{}[],:\"0aZ-.e\\ \u0000é"[random.Next(17)]);
                    break;
                case 2:
                    text[at] = "0123456789abcdefxyz\"[]{}"[random.Next(24)];
                    break;
                case 3:
                    text.Length = at;
                    break;
                case 4:
                    ReplaceString(random, text);
                    break;
                case 5:
                    ReplaceValue(random, text, "true", RandomScalar(random));
                    break;
                default:
                    ReplaceValue(random, text, "\"20000000\"", RandomScalar(random));
                    break;
            }
        }

        return text.ToString();
    }

    // Replaces one JSON string literal with another value: hex of the wrong length, a number, null, an array.
    private static void ReplaceString(Random random, StringBuilder text)
    {
        string current = text.ToString();
        int[] quotes = Enumerable.Range(0, current.Length).Where(i => current[i] == '"').ToArray();
        if (quotes.Length < 2)
        {
            return;
        }

        int pair = random.Next(quotes.Length / 2) * 2;
        int start = quotes[pair];
        int end = quotes[pair + 1];
        text.Remove(start, end - start + 1).Insert(start, RandomScalar(random));
    }

    private static void ReplaceValue(Random random, StringBuilder text, string value, string replacement)
    {
        int at = text.ToString().IndexOf(value, StringComparison.Ordinal);
        if (at >= 0)
        {
            text.Remove(at, value.Length).Insert(at, replacement);
        }
    }

    private static string RandomScalar(Random random) => random.Next(12) switch
    {
        0 => "null",
        1 => "-1",
        2 => "1e308",
        3 => "99999999999999999999999999",
        4 => "\"" + new string('0', random.Next(0, 80)) + "\"",
        5 => "\"" + new string('f', random.Next(0, 80)) + "\"",
        6 => "[]",
        7 => "{}",
        8 => "\"\"",
        9 => "0.0000000001",
        10 => "[[[[\"x\"]]]]",
        _ => "\"" + Convert.ToHexStringLower(RandomBytes(random, random.Next(0, 40), allowNewline: true)) + "\"",
    };

    private static string RandomJsonMessage(Random random)
    {
        string[] methods =
        [
            StratumMethods.Notify, StratumMethods.SetDifficulty, StratumMethods.SetExtranonce, StratumMethods.SetVersionMask,
            StratumMethods.Ping, StratumMethods.Reconnect, StratumMethods.GetVersion, StratumMethods.ShowMessage, "x.y",
        ];
        string parameters = "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 10)).Select(_ => RandomScalar(random))) + "]";
        string id = random.Next(3) switch { 0 => "null", 1 => random.Next().ToString(), _ => "\"s\"" };
        return random.Next(4) == 0
            ? $"{{\"id\":{id},\"result\":{parameters},\"error\":{RandomScalar(random)}}}"
            : $"{{\"id\":{id},\"method\":\"{methods[random.Next(methods.Length)]}\",\"params\":{parameters}}}";
    }

    private static byte[] RandomBytes(Random random, int count, bool allowNewline)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        if (!allowNewline)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] == (byte)'\n' ? (byte)' ' : bytes[i];
            }
        }

        return bytes;
    }

    private static string Describe(Dictionary<string, int> outcome) => string.Join(", ", outcome.Select(p => $"{p.Key}={p.Value}"));

    private static string[] BuildCorpus()
    {
        var lines = StratumVectors.All().Select(StratumVectors.NotifyLine).ToList();
        for (int i = 0; i < 20; i++)
        {
            lines.Add(StratumSessionTests.Notify($"j{i}", clean: i % 5 == 0));
        }

        lines.AddRange(
        [
            "{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"b4b6693b\"],[\"mining.notify\",\"ae6812eb\"]],\"08000002\",4],\"error\":null}",
            "{\"id\":2,\"result\":true,\"error\":null}",
            "{\"id\":3,\"result\":null,\"error\":[21,\"Job not found\",null]}",
            "{\"id\":4,\"result\":{\"version-rolling\":true,\"version-rolling.mask\":\"1fffe000\"},\"error\":null}",
            "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.001]}",
            "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"aabbccdd\",4]}",
            "{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"1fffe000\"]}",
            "{\"id\":7,\"method\":\"mining.ping\",\"params\":[]}",
            "{\"id\":8,\"method\":\"client.get_version\",\"params\":[]}",
            "{\"id\":null,\"method\":\"client.reconnect\",\"params\":[\"127.0.0.1\",3333,0]}",
            "{\"id\":null,\"method\":\"client.show_message\",\"params\":[\"hello\"]}",
        ]);
        return lines.ToArray();
    }
}
