using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Codec;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>
/// The whole client (handshake, jobs, shares, reconnect) over an in-memory transport: the pool side is the test,
/// line by line, with a real testnet3 job and its real share (tests/vectors/stratum-jobs.json); no sockets.
/// </summary>
public sealed class StratumInMemorySessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static readonly JsonElement Vector = StratumVectors.Named("bitcoin-testnet3-block-5062063");

    [Fact]
    public async Task Handshake_job_and_share_go_line_by_line_and_the_real_share_is_submitted_as_the_pool_expects()
    {
        var dialer = new InMemoryStratumDialer();
        await using StratumClient client = NewClient(dialer);
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);

        InMemoryStratumTransport pool = await dialer.Dialed.ReadAsync().AsTask().WaitAsync(Wait);
        string? resumed = await HandshakeAsync(pool);
        Assert.Null(resumed);
        pool.Send(StratumVectors.NotifyLine(Vector));

        StratumWork work = await TestMiner.WorkForAsync(client, "00000002");
        Assert.Equal(StratumClientState.Mining, client.State);
        Task<ShareResult> verdict = client.SubmitAsync(VectorShare(work));

        JsonElement submit = await NextRequestAsync(pool, StratumMethods.Submit);
        JsonElement expected = Vector.GetProperty("submit");
        Assert.Equal(
            ["wallet.rig1", "00000002", expected.GetProperty("extranonce2").GetString()!, expected.GetProperty("ntime").GetString()!, expected.GetProperty("nonce").GetString()!],
            Strings(submit.GetProperty("params")));
        pool.Send($"{{\"id\":{submit.GetProperty("id").GetInt64()},\"result\":true,\"error\":null}}");

        Assert.Equal(ShareVerdict.Accepted, (await verdict.WaitAsync(Wait)).Outcome);
        Assert.Equal(1, client.Counters.Accepted);

        await stop.CancelAsync();
        await run.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_share_found_while_the_pool_is_gone_is_sent_on_the_next_connection_which_resumes_the_session()
    {
        var dialer = new InMemoryStratumDialer();
        await using StratumClient client = NewClient(dialer);
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);

        InMemoryStratumTransport first = await dialer.Dialed.ReadAsync().AsTask().WaitAsync(Wait);
        await HandshakeAsync(first);
        first.Send(StratumVectors.NotifyLine(Vector));
        StratumWork work = await TestMiner.WorkForAsync(client, "00000002");

        first.Close();
        InMemoryStratumTransport second = await dialer.Dialed.ReadAsync().AsTask().WaitAsync(Wait);
        Task<ShareResult> verdict = client.SubmitAsync(VectorShare(work));
        Assert.False(verdict.IsCompleted);

        // mining.subscribe's second parameter is the session to resume (the subscription id the pool gave).
        Assert.Equal("ae6812eb", await HandshakeAsync(second));
        second.Send(StratumVectors.NotifyLine(Vector).Replace("true]}", "false]}", StringComparison.Ordinal));
        JsonElement submit = await NextRequestAsync(second, StratumMethods.Submit);
        second.Send($"{{\"id\":{submit.GetProperty("id").GetInt64()},\"result\":true,\"error\":null}}");

        Assert.Equal(ShareVerdict.Accepted, (await verdict.WaitAsync(Wait)).Outcome);
        await stop.CancelAsync();
        await run.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_rolled_share_found_while_the_next_connection_negotiates_waits_for_the_new_mask_and_is_sent()
    {
        var dialer = new InMemoryStratumDialer();
        await using StratumClient client = NewClient(dialer, versionRolling: true);
        using var stop = new CancellationTokenSource();
        Task run = client.RunAsync(stop.Token);

        InMemoryStratumTransport first = await dialer.Dialed.ReadAsync().AsTask().WaitAsync(Wait);
        await GrantVersionRollingAsync(first);
        await HandshakeAsync(first);
        first.Send("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.000005]}");
        first.Send(StratumVectors.NotifyLine(Vector));
        StratumWork work = await TestMiner.WorkForAsync(client, "00000002");
        StratumShare rolled = TestMiner.FindShare(work, 1);
        Assert.NotEqual(0u, rolled.VersionBits);

        first.Close();
        InMemoryStratumTransport second = await dialer.Dialed.ReadAsync().AsTask().WaitAsync(Wait);
        JsonElement configure = await NextRequestAsync(second, StratumMethods.Configure);
        // Found now, the share meets a connection whose mask is not negotiated yet: it must wait, not turn stale.
        Task<ShareResult> verdict = client.SubmitAsync(rolled);
        Assert.False(verdict.IsCompleted);
        second.Send(GrantLine(configure));
        await HandshakeAsync(second);
        second.Send(StratumVectors.NotifyLine(Vector).Replace("true]}", "false]}", StringComparison.Ordinal));
        JsonElement submit = await NextRequestAsync(second, StratumMethods.Submit);
        Assert.Equal(rolled.VersionBits.ToString("x8"), submit.GetProperty("params")[5].GetString());
        second.Send($"{{\"id\":{submit.GetProperty("id").GetInt64()},\"result\":true,\"error\":null}}");

        Assert.Equal(ShareVerdict.Accepted, (await verdict.WaitAsync(Wait)).Outcome);
        await stop.CancelAsync();
        await run.WaitAsync(Wait);
    }

    private static async Task GrantVersionRollingAsync(InMemoryStratumTransport pool) =>
        pool.Send(GrantLine(await NextRequestAsync(pool, StratumMethods.Configure)));

    // BIP 310: the pool grants version rolling with the mask the client asked for.
    private static string GrantLine(JsonElement configure) =>
        $"{{\"id\":{configure.GetProperty("id").GetInt64()},\"result\":{{\"version-rolling\":true,\"version-rolling.mask\":\"1fffe000\"}},\"error\":null}}";

    private static StratumClient NewClient(InMemoryStratumDialer dialer, bool versionRolling = false)
    {
        var options = new StratumClientOptions
        {
            ResponseTimeout = TimeSpan.FromSeconds(10),
            BackoffInitial = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(100),
            VersionRolling = versionRolling,
            ExtranonceSubscribe = false,
        };
        options.Pools.Add(new StratumPoolOptions { Url = "stratum+tcp://pool.invalid:3333", User = "wallet.rig1", Password = "x" });
        return new StratumClient(options, random: new Random(7), dialer: dialer);
    }

    private static StratumShare VectorShare(StratumWork work)
    {
        JsonElement submit = Vector.GetProperty("submit");
        return new StratumShare(
            work.Job,
            Convert.FromHexString(submit.GetProperty("extranonce2").GetString()!),
            Convert.ToUInt32(submit.GetProperty("ntime").GetString(), 16),
            Convert.ToUInt32(submit.GetProperty("nonce").GetString(), 16),
            0,
            0);
    }

    // Answers subscribe with the vector's extranonce1 and authorize with true; returns the session id the client asked to resume.
    private static async Task<string?> HandshakeAsync(InMemoryStratumTransport pool)
    {
        JsonElement subscribe = await NextRequestAsync(pool, StratumMethods.Subscribe);
        JsonElement parameters = subscribe.GetProperty("params");
        string? resume = parameters.GetArrayLength() > 1 ? parameters[1].GetString() : null;
        pool.Send($"{{\"id\":{subscribe.GetProperty("id").GetInt64()},\"result\":[[[\"mining.notify\",\"ae6812eb\"]],\"{Vector.GetProperty("extranonce1").GetString()}\",{Vector.GetProperty("extranonce2_size").GetInt32()}],\"error\":null}}");
        JsonElement authorize = await NextRequestAsync(pool, StratumMethods.Authorize);
        Assert.Equal(["wallet.rig1", "x"], Strings(authorize.GetProperty("params")));
        pool.Send($"{{\"id\":{authorize.GetProperty("id").GetInt64()},\"result\":true,\"error\":null}}");
        return resume;
    }

    // The next request with this method; other requests (none expected here) are skipped.
    private static async Task<JsonElement> NextRequestAsync(InMemoryStratumTransport pool, string method)
    {
        while (true)
        {
            string line = await pool.ClientLines.ReadAsync().AsTask().WaitAsync(Wait);
            JsonElement request = JsonDocument.Parse(line).RootElement.Clone();
            if (request.GetProperty("method").GetString() == method)
            {
                return request;
            }
        }
    }

    private static string[] Strings(JsonElement array)
    {
        var values = new string[array.GetArrayLength()];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = array[i].GetString() ?? "(null)";
        }

        return values;
    }
}
