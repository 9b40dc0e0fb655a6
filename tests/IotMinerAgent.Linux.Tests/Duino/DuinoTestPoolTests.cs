using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IotMinerAgent.DuinoTestPool;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Linux.Tests.Duino;

/// <summary>
/// The in-process Duino pool speaks the protocol and checks results: a raw socket drives it with the portable codec's
/// lines, so both the pool and the codec are held to the same wire format.
/// </summary>
public class DuinoTestPoolTests
{
    private sealed class RawClient : IDisposable
    {
        private readonly TcpClient _client = new();
        private StreamReader _reader = null!;
        private NetworkStream _stream = null!;

        public static async Task<RawClient> ConnectAsync(DuinoPool pool)
        {
            RawClient raw = new();
            await raw._client.ConnectAsync("127.0.0.1", pool.Port);
            raw._stream = raw._client.GetStream();
            raw._reader = new StreamReader(raw._stream, Encoding.UTF8);
            return raw;
        }

        public async Task<string?> ReadAsync() => await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        public Task SendAsync(string line) => _stream.WriteAsync(Encoding.UTF8.GetBytes(line)).AsTask();

        public async Task<string?> AskAsync(string line)
        {
            await SendAsync(line);
            return await ReadAsync();
        }

        public void Dispose() => _client.Dispose();
    }

    [Fact]
    public async Task Version_motd_ping_job_and_a_solved_result_answered_good()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 50 });
        using RawClient client = await RawClient.ConnectAsync(pool);

        Assert.Equal("4.3", await client.ReadAsync());
        Assert.Equal(pool.Options.Motd, await client.AskAsync(DuinoRequests.Motd));
        Assert.Equal("Pong!", await client.AskAsync(DuinoRequests.Ping));
        DuinoJob job = DuinoJob.Parse((await client.AskAsync(DuinoRequests.Job("alice", DuinoTiers.Low, "", "Temp:40.0*C")))!);
        Assert.Equal(50u, job.Difficulty);

        long nonce = DucoS1.Solve(job.ToWork());
        Assert.InRange(nonce, 0, 5000);
        string answer = (await client.AskAsync(DuinoRequests.Submit((uint)nonce, 1000, "Test 1", "rig", "", 7)))!;

        Assert.Equal("GOOD", answer);
        DuinoResultRecord result = Assert.Single(pool.Results);
        Assert.True(result.Correct);
        Assert.Equal(("alice", "LOW", "1000.00", "rig", "7"), (result.User, result.Tier, result.ReportedHashrate, result.RigId, result.WalletId));
        Assert.Empty(pool.ProtocolErrors);
        Assert.Equal(["MOTD", "PING", "JOB,alice,LOW,None,Temp:40.0*C", $"{nonce},1000.00,Test 1,rig,,7"], pool.ReceivedLines.Select(l => l.Line));
    }

    [Fact]
    public async Task Wrong_nonce_is_answered_incorrect_result()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { Difficulty = 50 });
        using RawClient client = await RawClient.ConnectAsync(pool);
        await client.ReadAsync();
        DuinoJob job = DuinoJob.Parse((await client.AskAsync(DuinoRequests.Job("alice", DuinoTiers.Low, "", "")))!);
        uint wrong = (uint)((DucoS1.Solve(job.ToWork()) + 1) % 5001);

        Assert.Equal("BAD,Incorrect result", await client.AskAsync(DuinoRequests.Submit(wrong, 1, "Test 1", "rig", "", 7)));
        Assert.False(Assert.Single(pool.Results).Correct);
    }

    [Fact]
    public async Task Tier_difficulty_tier_moves_bans_and_malformed_jobs()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { RequiredTier = "MEDIUM", MalformedJobs = 1 });
        using RawClient client = await RawClient.ConnectAsync(pool);
        await client.ReadAsync();

        string malformed = (await client.AskAsync(DuinoRequests.Job("a", DuinoTiers.Esp32, "", "")))!;
        Assert.Throws<DuinoProtocolException>(() => DuinoJob.Parse(malformed));
        DuinoJob esp32 = DuinoJob.Parse((await client.AskAsync(DuinoRequests.Job("a", DuinoTiers.Esp32, "", "")))!);
        Assert.Equal(1500u, esp32.Difficulty);
        Assert.Equal("BAD,Too low starting difficulty", await client.AskAsync(DuinoRequests.Submit((uint)DucoS1.Solve(esp32.ToWork()), 1, "T 1", "r", "", 1)));

        DuinoJob net = DuinoJob.Parse((await client.AskAsync(DuinoRequests.Job("a", DuinoTiers.Net, "", "")))!);
        Assert.Equal(100000u, net.Difficulty);
        Assert.Equal("BAD,Too high starting difficulty", await client.AskAsync(DuinoRequests.Submit(0, 1, "T 1", "r", "", 1)));

        pool.Options.BanReason = "User banned";
        Assert.Equal("BAD,User banned", await client.AskAsync(DuinoRequests.Job("a", DuinoTiers.Medium, "", "")));
    }

    [Fact]
    public async Task Drop_closes_the_connection_and_a_wrong_version_line_is_sent_as_configured()
    {
        await using DuinoPool pool = DuinoPool.Start(new DuinoTestPoolOptions { VersionLine = "HTTP/1.1 400 Bad Request" });
        using RawClient client = await RawClient.ConnectAsync(pool);
        Assert.Equal("HTTP/1.1 400 Bad Request", await client.ReadAsync());

        pool.DropAll();

        Assert.Null(await client.ReadAsync());
        await pool.WaitUntilAsync(() => pool.OpenConnections == 0, "the dropped connection to close");
    }
}
