using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Codec;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>Golden lines: what the client writes byte for byte, and what it reads from real pool shapes. No sockets.</summary>
public class StratumCodecTests
{
    [Fact]
    public void Configure_asks_for_version_rolling_per_BIP_310()
    {
        Assert.Equal(
            "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\",\"version-rolling.min-bit-count\":2}]}",
            StratumRequestWriter.Configure(1, 0x1fffe000));
    }

    [Fact]
    public void Subscribe_sends_the_agent_and_the_old_subscription_id_to_resume()
    {
        Assert.Equal("{\"id\":2,\"method\":\"mining.subscribe\",\"params\":[\"iotminer/0.1.0\"]}", StratumRequestWriter.Subscribe(2, "iotminer/0.1.0", null));
        Assert.Equal("{\"id\":2,\"method\":\"mining.subscribe\",\"params\":[\"iotminer/0.1.0\",\"ae6812eb\"]}", StratumRequestWriter.Subscribe(2, "iotminer/0.1.0", "ae6812eb"));
    }

    [Fact]
    public void Authorize_suggest_difficulty_and_extranonce_subscribe()
    {
        Assert.Equal("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"bc1qwallet.rig+1\",\"x\"]}", StratumRequestWriter.Authorize(3, "bc1qwallet.rig+1", "x"));
        Assert.Equal("{\"id\":4,\"method\":\"mining.suggest_difficulty\",\"params\":[0.5]}", StratumRequestWriter.SuggestDifficulty(4, 0.5));
        Assert.Equal("{\"id\":5,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}", StratumRequestWriter.ExtranonceSubscribe(5));
    }

    [Fact]
    public void Submit_zero_pads_nonce_ntime_and_version_bits_and_keeps_extranonce2_size()
    {
        var share = new SubmitParams("w", "job1", new byte[] { 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x01 }, 0x5f, 0x7, 0x2000);
        Assert.Equal(
            "{\"id\":9,\"method\":\"mining.submit\",\"params\":[\"w\",\"job1\",\"00000a0000000001\",\"0000005f\",\"00000007\",\"00002000\"]}",
            StratumRequestWriter.Submit(9, share));
        Assert.Equal(
            "{\"id\":10,\"method\":\"mining.submit\",\"params\":[\"w\",\"job1\",\"00\",\"00000000\",\"ffffffff\"]}",
            StratumRequestWriter.Submit(10, new SubmitParams("w", "job1", new byte[1], 0, uint.MaxValue, null)));
    }

    [Fact]
    public void Answers_echo_the_pools_id_whether_number_or_string_and_escape_control_characters()
    {
        Assert.Equal("{\"id\":17,\"result\":\"pong\",\"error\":null}", StratumRequestWriter.Result("17", "pong"));
        Assert.Equal("{\"id\":\"p-1\",\"result\":\"iotminer/0.1.0\",\"error\":null}", StratumRequestWriter.Result("\"p-1\"", "iotminer/0.1.0"));
        Assert.Equal("{\"id\":3,\"result\":null,\"error\":[20,\"Method not supported\",null]}", StratumRequestWriter.Error("3", 20, "Method not supported"));
        Assert.DoesNotContain('\n', StratumRequestWriter.Authorize(1, "evil\nuser", "x\r\n"));
    }

    [Fact]
    public void Reads_a_ckpool_subscribe_result_and_its_notify_subscription()
    {
        StratumInbound response = Parse("{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"b4b6693b\"],[\"mining.notify\",\"ae6812eb\"]],\"08000002\",4],\"error\":null}");

        Assert.Equal(StratumInboundKind.Response, response.Kind);
        Assert.Equal(1, response.ResponseId);
        Assert.True(SubscribeResult.TryParse(response.Result, out SubscribeResult? result));
        Assert.Equal("ae6812eb", result.SubscriptionId);
        Assert.Equal(new byte[] { 8, 0, 0, 2 }, result.Extranonce1);
        Assert.Equal(4, result.Extranonce2Size);
    }

    [Fact]
    public void Reads_a_flat_subscription_pair_and_rejects_bad_extranonce()
    {
        Assert.True(SubscribeResult.TryParse(Json("[[\"mining.notify\",\"abc\"],\"\",8]"), out SubscribeResult? flat));
        Assert.Equal("abc", flat.SubscriptionId);
        Assert.Empty(flat.Extranonce1);
        Assert.False(SubscribeResult.TryParse(Json("[[],\"0g\",4]"), out _));
        Assert.False(SubscribeResult.TryParse(Json("[[],\"abc\",4]"), out _));
        Assert.False(SubscribeResult.TryParse(Json("[[],\"00\",33]"), out _));
        Assert.False(SubscribeResult.TryParse(Json("[[],\"00\",-1]"), out _));
        Assert.False(SubscribeResult.TryParse(Json("{\"extranonce1\":\"00\"}"), out _));
    }

    [Theory]
    [InlineData("[21,\"Job not found\",null]", 21, "Job not found", true)]
    [InlineData("[23,\"Low difficulty share\",null]", 23, "Low difficulty share", false)]
    [InlineData("{\"code\":-32601,\"message\":\"Method not found\"}", -32601, "Method not found", false)]
    [InlineData("\"stale-prevblk\"", 0, "stale-prevblk", true)]
    [InlineData("[22]", 22, "unspecified error", false)]
    public void Reads_every_error_shape_pools_send(string error, int code, string message, bool stale)
    {
        StratumInbound response = Parse("{\"id\":4,\"result\":null,\"error\":" + error + "}");

        Assert.Equal(new StratumError(code, message), response.Error);
        Assert.Equal(stale, response.Error!.MeansStale);
    }

    [Fact]
    public void A_null_or_absent_error_is_no_error()
    {
        Assert.Null(Parse("{\"id\":4,\"result\":true,\"error\":null}").Error);
        Assert.Null(Parse("{\"id\":4,\"result\":true}").Error);
        Assert.Equal(4, Parse("{\"id\":\"4\",\"result\":true}").ResponseId);
    }

    [Fact]
    public void Server_messages_keep_their_raw_id_for_the_answer()
    {
        StratumInbound ping = Parse("{\"id\":\"x1\",\"method\":\"mining.ping\",\"params\":[]}");
        StratumInbound notification = Parse("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[2]}");

        Assert.Equal(StratumInboundKind.ServerMessage, ping.Kind);
        Assert.Equal("\"x1\"", ping.RawId);
        Assert.Null(notification.RawId);
        Assert.Equal("mining.set_difficulty", notification.Method);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":1}")]
    [InlineData("{\"method\":5,\"params\":[]}")]
    [InlineData("{\"method\":\"\",\"params\":[]}")]
    [InlineData("{\"id\":1,\"result\":true,}")]
    [InlineData("{\"id\":1,\"result\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}")]
    public void Malformed_lines_are_refused_with_a_reason(string line)
    {
        Assert.False(StratumLineParser.TryParse(line, out _, out string problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void Notify_fields_are_checked_strictly()
    {
        const string good = "[\"j1\",\"" + Zeros64 + "\",\"01\",\"02\",[],\"20000000\",\"1d00ffff\",\"6a5671dc\",true]";
        Assert.True(MiningNotify.TryParse(Json(good), out MiningNotify? notify, out _));
        Assert.Equal(0x6a5671dcu, notify.NTime);
        Assert.True(notify.CleanJobs);

        Assert.False(MiningNotify.TryParse(Json(good.Replace("\"20000000\"", "\"2000000\"")), out _, out string problem));
        Assert.Contains("version", problem);
        Assert.False(MiningNotify.TryParse(Json(good.Replace("[]", "[\"00\"]")), out _, out problem));
        Assert.Contains("merkle_branch", problem);
        Assert.False(MiningNotify.TryParse(Json(good.Replace("true", "1")), out _, out problem));
        Assert.Contains("clean_jobs", problem);
        Assert.False(MiningNotify.TryParse(Json(good.Replace("\"01\"", "\"0x\"")), out _, out problem));
        Assert.Contains("coinb1", problem);
        Assert.False(MiningNotify.TryParse(Json("[\"j1\"]"), out _, out _));
    }

    [Theory]
    [InlineData("[0.001]", "0.001")]
    [InlineData("[1e-3]", "0.001")]
    [InlineData("[\"0.001\"]", "0.001")]
    [InlineData("[16384]", "16384")]
    public void Set_difficulty_is_read_exactly_from_its_decimal_text(string parameters, string expected)
    {
        Assert.True(ServerParams.TryReadDifficulty(Json(parameters), out Difficulty difficulty));
        Assert.Equal(Difficulty.Parse(expected), difficulty);
    }

    [Theory]
    [InlineData("[0]")]
    [InlineData("[-1]")]
    [InlineData("[]")]
    [InlineData("[null]")]
    [InlineData("[\"lots\"]")]
    public void Set_difficulty_refuses_what_is_not_a_positive_number(string parameters)
    {
        Assert.False(ServerParams.TryReadDifficulty(Json(parameters), out _));
    }

    [Fact]
    public void Reconnect_params_are_optional_and_checked()
    {
        Assert.True(ServerParams.TryReadReconnect(Json("[\"pool.example.org\",\"3334\",5]"), out string host, out int port, out int wait));
        Assert.Equal(("pool.example.org", 3334, 5), (host, port, wait));
        Assert.True(ServerParams.TryReadReconnect(Json("[]"), out host, out port, out wait));
        Assert.Equal((string.Empty, 0, 0), (host, port, wait));
        Assert.True(ServerParams.TryReadReconnect(Json("[\"h\",1,99999999]"), out _, out _, out wait));
        Assert.Equal(ServerParams.MaxReconnectWaitSeconds, wait);
        Assert.False(ServerParams.TryReadReconnect(Json("[\"evil host/x\",1,0]"), out _, out _, out _));
        Assert.False(ServerParams.TryReadReconnect(Json("[\"h\",70000,0]"), out _, out _, out _));
    }

    [Fact]
    public void Configure_result_gives_the_granted_mask()
    {
        Assert.True(ServerParams.TryReadConfigureResult(Json("{\"version-rolling\":true,\"version-rolling.mask\":\"00ffe000\"}"), out bool on, out uint mask));
        Assert.True(on);
        Assert.Equal(0x00ffe000u, mask);
        Assert.True(ServerParams.TryReadConfigureResult(Json("{\"version-rolling\":false}"), out on, out _));
        Assert.False(on);
        Assert.False(ServerParams.TryReadConfigureResult(Json("{\"version-rolling\":true}"), out _, out _));
    }

    private const string Zeros64 = "0000000000000000000000000000000000000000000000000000000000000000";

    private static StratumInbound Parse(string line)
    {
        Assert.True(StratumLineParser.TryParse(line, out StratumInbound? message, out string problem), problem);
        return message;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
