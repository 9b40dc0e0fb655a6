using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Mqtt;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>
/// The gateway's MQTT side against a real mosquitto, with a scripted dispatcher (the judging is not under test here):
/// what reaches the dispatcher, what goes back to devices, bad payloads, forwarding between gateways, fairness.
/// </summary>
public sealed class GatewayMqttLinkTests : IAsyncLifetime
{
    MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_work_request_reaches_the_dispatcher_and_its_job_reaches_the_device_not_retained()
    {
        var dispatcher = new ScriptedDispatcher(instance: 3);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "esp-1");

        await device.RequestWorkAsync("sha256d", 120.5);
        DeviceJob job = await device.WaitForJobAsync();

        (string who, var request) = Assert.Single(dispatcher.Requests);
        Assert.Equal("esp-1", who);
        Assert.Equal(["sha256d"], request.Algorithms);
        Assert.Equal(120.5, request.HashRate);
        Assert.Equal(dispatcher.Job(1).Encode(), job.Encode());
        Assert.Equal(3u, job.JobId >> 24);

        // Not retained: a device that subscribes later gets nothing from the store.
        await using TestSubscriber late = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/esp-1/work"]);
        await Task.Delay(300);
        Assert.Empty(late.Messages);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"v\": 2, \"algos\": [\"sha256d\"], \"hashrate\": 1}", "field v")]
    [InlineData("{\"v\": 1, \"hashrate\": 1}", "field algos")]
    [InlineData("{\"v\": 1, \"algos\": [\"sha256d\"], \"hashrate\": -5}", "field hashrate")]
    [InlineData("{\"v\": 1, \"algos\": [\"scrypt\"], \"hashrate\": 1}", "upstream mines sha256d")]
    public async Task A_bad_work_request_is_answered_with_an_event_naming_the_problem_and_the_gateway_carries_on(string payload, string expected)
    {
        var dispatcher = new ScriptedDispatcher(instance: 0);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher, new GatewayLinkSettings { UpstreamAlgorithm = "sha256d" });
        await using TestSubscriber events = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/gateway/0/event"]);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "bad-req");

        await device.PublishAsync("work_request", Encoding.UTF8.GetBytes(payload));
        Received refusal = await events.WaitForAsync(_ => true, "refusal event");

        Assert.False(refusal.Json.GetProperty("ok").GetBoolean());
        Assert.Equal("work_request", refusal.Json.GetProperty("type").GetString());
        Assert.Equal("bad-req", refusal.Json.GetProperty("device_id").GetString());
        Assert.Contains(expected, refusal.Json.GetProperty("error").GetString());
        Assert.Empty(dispatcher.Requests);
        Assert.Equal(1, gateway.Link.Counters.RefusedRequests);

        await device.RequestWorkAsync();
        await device.WaitForJobAsync();
    }

    [Fact]
    public async Task A_work_request_with_hostile_algorithm_names_is_refused_with_the_names_escaped()
    {
        var dispatcher = new ScriptedDispatcher(instance: 0);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher, new GatewayLinkSettings { UpstreamAlgorithm = "sha256d" });
        await using TestSubscriber events = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/gateway/0/event"]);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "hostile-req");

        string names = "[" + string.Join(", ", new[] { HostileText.ClearScreen, HostileText.ClipboardWrite, HostileText.EightBitCsi, HostileText.Overwrite, HostileText.RightToLeft }
            .Select(n => System.Text.Json.JsonSerializer.Serialize(n))) + "]";
        await device.PublishAsync("work_request", Encoding.UTF8.GetBytes($"{{\"v\": 1, \"algos\": {names}, \"hashrate\": 1}}"));
        Received refusal = await events.WaitForAsync(_ => true, "refusal event");

        string error = refusal.Json.GetProperty("error").GetString()!;
        HostileText.AssertNone(error, "the refusal");
        Assert.Contains(HostileText.ClearScreenEscaped, error);
        Assert.Contains("upstream mines sha256d", error);
        Assert.Empty(dispatcher.Requests);
        await device.RequestWorkAsync();
        await device.WaitForJobAsync();
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 0 })]
    [InlineData(new byte[] { 1, 3, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 })]
    [InlineData(new byte[] { 9, 2, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 2, 0, 7, 1, 0, 0, 0, 2, 0, 0, 0 })]
    public async Task A_malformed_share_gets_rejected_malformed_with_job_and_nonce_zero(byte[] payload)
    {
        var dispatcher = new ScriptedDispatcher(instance: 0);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "broken");

        await device.PublishAsync("device_share", payload);
        DeviceVerdict verdict = await device.WaitForVerdictAsync(0, 0);

        Assert.Equal(DeviceVerdictCode.RejectedMalformed, verdict.Code);
        Assert.StartsWith("Device share message", verdict.Reason);
        Assert.Empty(dispatcher.Judged);
        // The counter counts verdicts the broker acknowledged, which may be a moment after the device has its copy.
        for (int wait = 0; wait < 100 && gateway.Link.Counters.Verdicts(DeviceVerdictCode.RejectedMalformed) == 0; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, gateway.Link.Counters.Verdicts(DeviceVerdictCode.RejectedMalformed));

        // The gateway is still serving.
        await device.SendShareAsync(new DeviceShare(5, 6));
        Assert.Equal(DeviceVerdictCode.Accepted, (await device.WaitForVerdictAsync(5, 6)).Code);
    }

    [Fact]
    public async Task A_share_for_another_instance_is_passed_on_unchanged_to_that_instance_and_not_judged_here()
    {
        var zero = new ScriptedDispatcher(instance: 0);
        await using RunningLink first = await RunningLink.StartAsync(_broker.Port, zero);
        // Stands in for gateway 7, which alone subscribes to its forward topic.
        await using TestSubscriber seven = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/gateway/7/forward/+"]);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "roamer");

        // Every byte below 0x80, so the test subscriber's text payload holds it unchanged.
        var share = new DeviceShare(0x07000042, 0x31323334, 31);
        await device.SendShareAsync(share);
        Received forwarded = await seven.WaitForAsync(_ => true, "forwarded share");

        Assert.Equal("iotminer/gateway/7/forward/roamer", forwarded.Topic);
        Assert.Equal(share.Encode(), System.Text.Encoding.UTF8.GetBytes(forwarded.Payload));
        Assert.Equal(1, first.Link.Counters.Forwarded);
        await Task.Delay(300);
        Assert.Empty(zero.Judged);
        Assert.Empty(device.Verdicts);
    }

    [Fact]
    public async Task A_forwarded_share_is_judged_by_its_owner_and_never_forwarded_again()
    {
        var zero = new ScriptedDispatcher(instance: 0);
        await using RunningLink owner = await RunningLink.StartAsync(_broker.Port, zero);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "roamer");

        // Job id of instance 9, but it arrives on gateway 0's forward topic: gateway 0 judges it (unknown job, for a
        // real dispatcher) instead of passing it around again.
        var share = new DeviceShare(0x09000001, 77);
        await device.PublishToAsync("iotminer/gateway/0/forward/roamer", share.Encode());
        DeviceVerdict verdict = await device.WaitForVerdictAsync(0x09000001, 77);

        Assert.Equal(DeviceVerdictCode.Accepted, verdict.Code);
        (string judgedFor, DeviceShare judged) = Assert.Single(zero.Judged);
        Assert.Equal("roamer", judgedFor);
        Assert.Equal(share.Encode(), judged.Encode());
        Assert.Equal(0, owner.Link.Counters.Forwarded);
    }

    [Fact]
    public async Task A_share_for_an_instance_that_is_not_running_is_judged_here_so_the_device_still_gets_an_answer()
    {
        var dispatcher = new ScriptedDispatcher(instance: 0);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher);
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "orphan");

        await device.SendShareAsync(new DeviceShare(0x09000001, 1));
        await device.WaitForVerdictAsync(0x09000001, 1);

        Assert.Single(dispatcher.Judged);
        Assert.Equal(0, gateway.Link.Counters.Forwarded);
    }

    [Fact]
    public async Task A_flooding_device_is_rate_limited_and_does_not_delay_another_device()
    {
        var dispatcher = new ScriptedDispatcher(instance: 0) { JudgeDelay = TimeSpan.FromMilliseconds(100) };
        const int queue = 4;
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher, new GatewayLinkSettings { Workers = 1, DeviceQueueLength = queue });
        await using SimulatedDevice flooder = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "flooder");
        await using SimulatedDevice quiet = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "quiet");

        const int flood = 200;
        await Task.WhenAll(Enumerable.Range(0, flood).Select(i => flooder.SendShareAsync(new DeviceShare(1, (uint)i))));
        // The quiet share goes once the gateway has every flooder share (its receive takes a while for 200, and the
        // worker judges meanwhile, each judged share making room in the flooder's queue for the next one received).
        await Mqtt.MqttBrokerContractTests.WaitUntilAsync(() => gateway.Link.Counters.SharesReceived == flood, $"the gateway received the {flood} flooder shares");
        // The dispatcher heard of every share in the receive path (it paces the device then), before the receive counter
        // just awaited, not when the one worker reached it.
        Assert.Equal(flood, dispatcher.Arrived);
        await quiet.SendShareAsync(new DeviceShare(2, 99));
        Assert.Equal(DeviceVerdictCode.Accepted, (await quiet.WaitForVerdictAsync(2, 99)).Code);
        await flooder.WaitForVerdictCountAsync(flood, seconds: 30);

        // Round-robin: once the quiet share is in, the flooder gets at most the turn it is at the head for (plus one the
        // worker may take between the share's arrival and its place in the queue); first-come order would put all its
        // waiting shares (up to the queue's 4) first. Counted from the quiet share's arrival at the gateway, so the time
        // it spent in the broker (long on a loaded machine, while the worker judges on) does not count.
        int ahead = dispatcher.Judged.ToList().FindIndex(j => j.Device == "quiet") - dispatcher.JudgedAtArrival("quiet");
        Assert.InRange(ahead, 0, 2);
        // Every flooder share was answered: judged, or refused as rate-limited, never dropped.
        var codes = flooder.Verdicts.Select(v => v.Verdict.Code).ToList();
        Assert.Equal(flood, codes.Count);
        Assert.True(codes.Count(c => c == DeviceVerdictCode.RejectedRateLimited) > flood / 2, $"{codes.Count(c => c == DeviceVerdictCode.RejectedRateLimited)} rate-limited of {flood}");
        Assert.Equal(flood - codes.Count(c => c == DeviceVerdictCode.RejectedRateLimited), dispatcher.Judged.Count(j => j.Device == "flooder"));
        // The refusals went through the dispatcher (which records them and slows the device down), one per share.
        Assert.Equal(codes.Count(c => c == DeviceVerdictCode.RejectedRateLimited), dispatcher.Overflowed.Count);
        Assert.Equal(flood, dispatcher.Judged.Concat(dispatcher.Overflowed).Where(j => j.Device == "flooder").Select(j => j.Share.Nonce).Distinct().Count());
        Assert.Equal(flood + 1, (int)gateway.Link.Counters.SharesReceived);
        Assert.Equal(flood + 1, dispatcher.Arrived);
    }

    [Fact]
    public async Task Commands_are_refused_so_no_remote_message_can_change_the_payout()
    {
        var dispatcher = new ScriptedDispatcher(instance: 4);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher);
        await using TestSubscriber events = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/gateway/4/event"]);

        await events.PublishAsync("iotminer/gateway/4/cmd/payout", "{\"value\": \"bc1qattacker\"}");
        Received refusal = await events.WaitForAsync(m => m.Topic.EndsWith("event"), "refusal");

        Assert.Equal("payout", refusal.Json.GetProperty("command").GetString());
        Assert.False(refusal.Json.GetProperty("ok").GetBoolean());
        Assert.Contains("configuration file", refusal.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Availability_is_online_while_connected_and_offline_after_a_stop()
    {
        var dispatcher = new ScriptedDispatcher(instance: 5);
        RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher);
        await using (TestSubscriber online = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/gateway/5/availability"]))
        {
            Assert.Equal("online", (await online.WaitForAsync(m => m.Retain, "retained availability")).Payload);
        }

        await gateway.DisposeAsync();
        await using TestSubscriber after = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/gateway/5/availability"]);
        Assert.Equal("offline", (await after.WaitForAsync(m => m.Retain, "retained availability")).Payload);
    }

    [Fact]
    public async Task After_the_broker_restarts_the_gateway_reconnects_and_subscribes_again()
    {
        var dispatcher = new ScriptedDispatcher(instance: 0);
        await using RunningLink gateway = await RunningLink.StartAsync(_broker.Port, dispatcher);

        await _broker.StopAsync();
        await _broker.StartAgainAsync();
        await using SimulatedDevice device = await SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, "after-restart");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (dispatcher.Requests.Count == 0 && DateTime.UtcNow < deadline)
        {
            // Until the gateway is back, nobody is subscribed and the request goes nowhere: ask again, as devices do.
            await device.RequestWorkAsync();
            await Task.Delay(200);
        }

        await device.WaitForJobAsync();
        await device.SendShareAsync(new DeviceShare(1, 1));
        Assert.Equal(DeviceVerdictCode.Accepted, (await device.WaitForVerdictAsync(1, 1)).Code);
    }

    [Fact]
    public async Task Two_gateways_in_one_group_split_the_devices_and_each_message_reaches_exactly_one()
    {
        var a = new ScriptedDispatcher(instance: 1) { AnswerRequests = false };
        var b = new ScriptedDispatcher(instance: 2) { AnswerRequests = false };
        await using RunningLink first = await RunningLink.StartAsync(_broker.Port, a);
        await using RunningLink second = await RunningLink.StartAsync(_broker.Port, b);
        var devices = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SimulatedDevice.ConnectAsync("127.0.0.1", _broker.Port, $"split-{i}")));
        try
        {
            foreach (SimulatedDevice device in devices)
            {
                await device.RequestWorkAsync();
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (a.Requests.Count + b.Requests.Count < devices.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(300);
            Assert.Equal(devices.Length, a.Requests.Count + b.Requests.Count);
            Assert.NotEmpty(a.Requests);
            Assert.NotEmpty(b.Requests);
            Assert.Empty(a.Requests.Select(r => r.Device).Intersect(b.Requests.Select(r => r.Device)));
        }
        finally
        {
            foreach (SimulatedDevice device in devices)
            {
                await device.DisposeAsync();
            }
        }
    }
}
