using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>Session state driven by server lines, without sockets.</summary>
public class StratumSessionTests
{
    private readonly StratumSession _session = new(maxJobs: 3, userAgent: "iotminer/test");

    public StratumSessionTests()
    {
        Subscribe("aabbccdd", 4, samePool: false);
    }

    [Fact]
    public void Clean_jobs_voids_every_earlier_job()
    {
        Apply(Notify("a", clean: false));
        Apply(Notify("b", clean: false));
        StratumJob b = _session.CurrentJob!;

        Apply(Notify("c", clean: true));

        Assert.Equal(1, _session.JobCount);
        Assert.Null(_session.FindJob("a"));
        Assert.False(_session.IsLive(b));
        Assert.Equal("c", _session.CurrentJob!.JobId);
    }

    [Fact]
    public void A_repeated_job_id_is_a_sign_of_life_but_not_new_work()
    {
        SessionUpdate first = Apply(Notify("a", clean: false));
        StratumJob original = _session.CurrentJob!;
        SessionUpdate again = Apply(Notify("a", clean: true));

        Assert.True(first.WorkChanged);
        Assert.True(again.JobReceived);
        Assert.False(again.WorkChanged);
        Assert.Same(original, _session.CurrentJob);
    }

    [Fact]
    public void Jobs_are_bounded_oldest_first()
    {
        foreach (string id in new[] { "1", "2", "3", "4", "5" })
        {
            Apply(Notify(id, clean: false));
        }

        Assert.Equal(3, _session.JobCount);
        Assert.Null(_session.FindJob("2"));
        Assert.NotNull(_session.FindJob("3"));
    }

    [Fact]
    public void Set_extranonce_applies_to_the_jobs_that_follow()
    {
        Apply(Notify("old", clean: false));
        Apply("{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"0102\",2]}");
        Apply(Notify("new", clean: false));

        Assert.Equal("aabbccdd", _session.FindJob("old")!.Extranonce1Hex);
        Assert.Equal(4, _session.FindJob("old")!.Extranonce2Size);
        Assert.Equal("0102", _session.FindJob("new")!.Extranonce1Hex);
        Assert.Equal(2, _session.FindJob("new")!.Extranonce2Size);
    }

    [Fact]
    public void Difficulty_changes_ask_for_new_work_once_a_job_exists()
    {
        Assert.False(Apply("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[8]}").WorkChanged);
        Apply(Notify("a", clean: true));
        Assert.True(Apply("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.5]}").WorkChanged);
        Assert.Equal(Difficulty.Parse("0.5"), _session.Difficulty);
    }

    [Fact]
    public void Version_mask_is_what_both_sides_allow()
    {
        _session.ApplyConfigure(0x1fffe000, granted: true, grantedMask: 0x00ffff00);
        Assert.Equal(0x00ffe000u, _session.VersionMask);

        Apply("{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"ffffffff\"]}");
        Assert.Equal(0x1fffe000u, _session.VersionMask);

        _session.ApplyConfigure(0x1fffe000, granted: false, grantedMask: 0);
        Assert.Equal(0u, _session.VersionMask);
        Apply("{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"ffffffff\"]}");
        Assert.Equal(0u, _session.VersionMask);
    }

    [Fact]
    public void Ping_get_version_and_unknown_requests_are_answered_with_the_pools_id()
    {
        Assert.Equal("{\"id\":5,\"result\":\"pong\",\"error\":null}", Apply("{\"id\":5,\"method\":\"mining.ping\",\"params\":[]}").Reply);
        Assert.Equal("{\"id\":\"v\",\"result\":\"iotminer/test\",\"error\":null}", Apply("{\"id\":\"v\",\"method\":\"client.get_version\",\"params\":[]}").Reply);
        SessionUpdate unknown = Apply("{\"id\":6,\"method\":\"mining.dance\",\"params\":[]}");
        Assert.Equal("{\"id\":6,\"result\":null,\"error\":[20,\"Method not supported\",null]}", unknown.Reply);
        Assert.Contains("mining.dance", unknown.Problem);
        Assert.Null(Apply("{\"id\":null,\"method\":\"mining.dance\",\"params\":[]}").Reply);
    }

    [Fact]
    public void Reconnect_and_show_message_are_passed_to_the_client()
    {
        Assert.Equal(new ReconnectRequest("127.0.0.1", 3334, 2), Apply("{\"id\":null,\"method\":\"client.reconnect\",\"params\":[\"127.0.0.1\",3334,2]}").Reconnect);
        Assert.Equal("maintenance at 12:00", Apply("{\"id\":null,\"method\":\"client.show_message\",\"params\":[\"maintenance at 12:00\"]}").OperatorMessage);
    }

    [Fact]
    public void Resume_keeps_jobs_and_difficulty_only_for_the_same_pool_and_extranonce1()
    {
        Apply("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.25]}");
        Apply(Notify("a", clean: true));

        Assert.True(Subscribe("aabbccdd", 4, samePool: true));
        Assert.NotNull(_session.FindJob("a"));
        Assert.Equal(Difficulty.Parse("0.25"), _session.Difficulty);

        Assert.False(Subscribe("aabbccde", 4, samePool: true));
        Assert.Equal(0, _session.JobCount);
        Assert.Equal(Difficulty.FromInteger(1), _session.Difficulty);

        Apply(Notify("b", clean: true));
        Assert.False(Subscribe("aabbccde", 4, samePool: false));
        Assert.Equal(0, _session.JobCount);
    }

    [Fact]
    public void Malformed_params_leave_the_state_alone_and_say_why()
    {
        Apply(Notify("a", clean: true));
        foreach (string line in new[]
        {
            "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[-3]}",
            "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"xyz\",4]}",
            "{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[12]}",
            "{\"id\":null,\"method\":\"mining.notify\",\"params\":{\"job\":1}}",
            "{\"id\":null,\"method\":\"client.reconnect\",\"params\":[[],{},1]}",
            "{\"id\":null,\"method\":\"client.show_message\"}",
        })
        {
            Assert.NotNull(Apply(line).Problem);
        }

        Assert.Equal("a", _session.CurrentJob!.JobId);
        Assert.Equal("aabbccdd", _session.Extranonce1Hex);
        Assert.Equal(Difficulty.FromInteger(1), _session.Difficulty);
    }

    internal static string Notify(string id, bool clean) =>
        "{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"" + id + "\",\"" + new string('0', 64) + "\",\"0100\",\"ffff\",[],\"20000000\",\"1d00ffff\",\"6a5671dc\"," + (clean ? "true" : "false") + "]}";

    private bool Subscribe(string extranonce1, int size, bool samePool)
    {
        Assert.True(SubscribeResult.TryParse(JsonDocument.Parse($"[[],\"{extranonce1}\",{size}]").RootElement, out SubscribeResult? result));
        return _session.ApplySubscribe(result, samePool);
    }

    private SessionUpdate Apply(string line)
    {
        Assert.True(StratumLineParser.TryParse(line, out StratumInbound? message, out string problem), problem);
        return _session.Apply(message);
    }
}
