using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>The test pool itself, spoken to with raw lines: it must refuse what a real pool refuses.</summary>
public class TestPoolTests
{
    [Fact]
    public async Task Refuses_unknown_stale_duplicate_and_low_difficulty_shares_with_their_codes()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 1, VersionRollingMask = null });
        await using var raw = await RawClient.ConnectAsync(pool);
        string job = await raw.HandshakeAsync();

        Assert.Equal("[20,\"Unknown job\",null]", await raw.SubmitAsync(10, "nojob", "00000000"));
        Assert.Equal("[23,\"Low difficulty share\",null]", await raw.SubmitAsync(11, job, "00000000"));
        Assert.Equal("[22,\"Duplicate share\",null]", await raw.SubmitAsync(12, job, "00000000"));
        await pool.SendJobAsync(clean: true);
        Assert.Equal("[21,\"Stale job\",null]", await raw.SubmitAsync(13, job, "00000001"));
        Assert.Empty(pool.ProtocolErrors);
        Assert.Equal(4, pool.Submissions.Count);
    }

    [Theory]
    [InlineData("[\"wallet.rig1\",\"{job}\",\"000000\",\"6a000001\",\"00000000\"]", "Malformed hex")]
    [InlineData("[\"wallet.rig1\",\"{job}\",\"0000000A\",\"6a000001\",\"00000000\"]", "Malformed hex")]
    [InlineData("[\"wallet.rig1\",\"{job}\",\"00000000\",\"6a000001\",\"0\"]", "Malformed hex")]
    [InlineData("[\"wallet.rig1\",\"{job}\",\"00000000\",\"6a000001\",\"00000000\",\"00002000\"]", "version_bits without negotiated version rolling")]
    [InlineData("[\"wallet.rig1\",\"{job}\",\"00000000\",\"6a000001\"]", "Malformed mining.submit")]
    [InlineData("[\"someone.else\",\"{job}\",\"00000000\",\"6a000001\",\"00000000\"]", "Unauthorized worker")]
    public async Task Flags_malformed_submits_as_protocol_errors(string parameters, string expected)
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { VersionRollingMask = null });
        await using var raw = await RawClient.ConnectAsync(pool);
        string job = await raw.HandshakeAsync();

        await raw.SendAsync("{\"id\":20,\"method\":\"mining.submit\",\"params\":" + parameters.Replace("{job}", job, StringComparison.Ordinal) + "}");
        string answer = await raw.ResponseAsync(20);

        Assert.Contains(expected, answer);
        Assert.Contains(pool.ProtocolErrors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flags_CR_LF_extra_members_and_non_integer_ids()
    {
        await using TestPool pool = TestPool.Start();
        await using var raw = await RawClient.ConnectAsync(pool);

        await raw.SendAsync("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"raw/1\"]}\r");
        await raw.SendAsync("{\"id\":2,\"method\":\"mining.subscribe\",\"params\":[\"raw/1\"],\"jsonrpc\":\"2.0\"}");
        await raw.SendAsync("{\"id\":\"3\",\"method\":\"mining.subscribe\",\"params\":[\"raw/1\"]}");
        await pool.WaitUntilAsync(() => pool.ProtocolErrors.Count >= 3, "three protocol errors");

        Assert.Contains(pool.ProtocolErrors, e => e.Contains("CR LF", StringComparison.Ordinal));
    }

    private sealed class RawClient : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly StreamReader _reader;
        private readonly Stream _stream;

        private RawClient(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
            _reader = new StreamReader(_stream, Encoding.UTF8);
        }

        public static async Task<RawClient> ConnectAsync(TestPool pool)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", pool.Port);
            return new RawClient(tcp);
        }

        public async Task<string> HandshakeAsync()
        {
            await SendAsync("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"raw/1\"]}");
            await ResponseAsync(1);
            await SendAsync("{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"wallet.rig1\",\"x\"]}");
            await ResponseAsync(2);
            while (true)
            {
                using JsonDocument line = JsonDocument.Parse(await ReadLineAsync());
                if (line.RootElement.TryGetProperty("method", out JsonElement method) && method.GetString() == "mining.notify")
                {
                    return line.RootElement.GetProperty("params")[0].GetString()!;
                }
            }
        }

        public async Task<string> SubmitAsync(int id, string job, string nonce)
        {
            await SendAsync($"{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"wallet.rig1\",\"{job}\",\"00000000\",\"6a000001\",\"{nonce}\"]}}");
            return await ResponseAsync(id);
        }

        public async Task SendAsync(string line)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        }

        // The error member of the response to request id (or the whole line when it has none).
        public async Task<string> ResponseAsync(int id)
        {
            while (true)
            {
                string text = await ReadLineAsync();
                using JsonDocument line = JsonDocument.Parse(text);
                if (line.RootElement.TryGetProperty("id", out JsonElement got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
                {
                    JsonElement error = line.RootElement.GetProperty("error");
                    return error.ValueKind == JsonValueKind.Null ? text : error.GetRawText();
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _tcp.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<string> ReadLineAsync() =>
            await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new EndOfStreamException("the pool closed the connection");
    }
}
