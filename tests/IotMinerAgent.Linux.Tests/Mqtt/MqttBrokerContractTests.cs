using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Status;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>Every message of the contract, seen by an independent subscriber on a real mosquitto.</summary>
public sealed class MqttBrokerContractTests : IAsyncLifetime
{
    MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    RunningReporter StartReporter(string deviceId) =>
        RunningReporter.Start(deviceId, ("mqtt:host", "127.0.0.1"), ("mqtt:port", _broker.Port.ToString()));

    [Fact]
    public async Task Availability_status_share_and_discovery_arrive_as_the_contract_says()
    {
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/#", "homeassistant/#"]);
        await using RunningReporter agent = StartReporter("contract-1");
        MqttConnection connection = await agent.ConnectedAsync();

        Received online = await sub.WaitForAsync(m => m.Topic == "iotminer/contract-1/availability" && m.Payload == "online", "availability online");
        Received status = await sub.WaitForAsync(m => m.Topic == "iotminer/contract-1/status", "status");
        Received discovery = await sub.WaitForAsync(m => m.Topic == "homeassistant/device/contract-1/config", "discovery");
        ShareMessage share = ShareOutboxTests.Share(7) with { DeviceId = "contract-1", Result = ShareVerdict.Accepted };
        agent.Reporter.Outbox.Enqueue(share);
        Received published = await sub.WaitForAsync(m => m.Topic == "iotminer/contract-1/share", "share");

        Assert.Equal(MqttProtocolVersion.V500, connection.ProtocolVersion);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, online.Qos);
        StatusMessage parsed = JsonSerializer.Deserialize(status.Payload, MqttJsonContext.Default.StatusMessage)!;
        Assert.Equal(StatusMessage.From(agent.Agent.GetStatus(), "contract-1", parsed.Time), parsed);
        Assert.Equal(ContractMessageTests.StatusKeys.Order(), status.Json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HomeAssistantDiscovery.OriginName, discovery.Json.GetProperty("o").GetProperty("name").GetString());
        Assert.Equal(14, discovery.Json.GetProperty("cmps").EnumerateObject().Count());
        Assert.Equal(share, JsonSerializer.Deserialize(published.Payload, MqttJsonContext.Default.ShareMessage));
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, published.Qos);
        Assert.False(published.Retain);
        await WaitUntilAsync(() => agent.Reporter.Outbox.Count == 0, "outbox emptied after PUBACK");
    }

    [Fact]
    public async Task Late_subscribers_get_the_retained_availability_status_and_discovery()
    {
        await using RunningReporter agent = StartReporter("contract-2");
        await agent.ConnectedAsync();
        await using (TestSubscriber early = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/contract-2/status", "homeassistant/device/contract-2/config"]))
        {
            await early.WaitForAsync(m => m.Topic.StartsWith("homeassistant"), "discovery");
            await early.WaitForAsync(m => m.Topic.EndsWith("status"), "status");
        }

        await using TestSubscriber late = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/contract-2/#", "homeassistant/device/contract-2/config"]);

        Assert.True((await late.WaitForAsync(m => m.Topic.EndsWith("availability"), "retained availability")).Retain);
        Assert.True((await late.WaitForAsync(m => m.Topic.EndsWith("status"), "retained status")).Retain);
        Assert.True((await late.WaitForAsync(m => m.Topic.StartsWith("homeassistant"), "retained discovery")).Retain);
    }

    [Fact]
    public async Task Status_is_republished_every_interval_and_at_once_on_a_state_change()
    {
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/contract-3/status"]);
        await using RunningReporter agent = StartReporter("contract-3");
        await sub.WaitForAsync(_ => true, "first status");
        int mark = sub.Count;

        await sub.WaitForAsync(_ => true, "periodic status", since: mark, seconds: 3);
        mark = sub.Count;
        agent.Agent.Update(s => s with { State = AgentState.Throttled, Reason = "temperature 71 °C above target 65 °C" });
        Received changed = await sub.WaitForAsync(m => m.Json.GetProperty("state").GetString() == "throttled", "throttled status", since: mark, seconds: 3);

        Assert.Equal("temperature 71 °C above target 65 °C", changed.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Home_assistant_coming_online_gets_the_discovery_again()
    {
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["homeassistant/device/+/config"]);
        await using RunningReporter agent = StartReporter("contract-4");
        await sub.WaitForAsync(m => m.Topic.Contains("contract-4"), "first discovery");
        int mark = sub.Count;

        await sub.PublishAsync("homeassistant/status", "online");

        Received again = await sub.WaitForAsync(m => m.Topic.Contains("contract-4"), "discovery after HA birth", since: mark);
        Assert.Equal("sensor", again.Json.GetProperty("cmps").GetProperty("hashrate").GetProperty("p").GetString());
    }

    [Fact]
    public async Task A_clean_stop_publishes_offline_retained()
    {
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/contract-5/availability"]);
        RunningReporter agent = StartReporter("contract-5");
        await sub.WaitForAsync(m => m.Payload == "online", "online");

        await agent.DisposeAsync();

        await sub.WaitForAsync(m => m.Payload == "offline", "offline after a clean stop");
        await using TestSubscriber late = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/contract-5/availability"]);
        Received retained = await late.WaitForAsync(_ => true, "retained availability");
        Assert.Equal("offline", retained.Payload);
    }

    [Fact]
    public async Task A_killed_agent_is_marked_offline_by_its_last_will()
    {
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/will-test/availability"]);
        string state = System.IO.Directory.CreateTempSubdirectory("iotminer-will-").FullName;
        using ShareProbeProcess agent = ShareProbeProcess.Start(_broker.Port, state, "will-test", 0, 0, 0);
        await sub.WaitForAsync(m => m.Payload == "online", "online");

        agent.Kill();

        Received will = await sub.WaitForAsync(m => m.Payload == "offline", "offline from the last will");
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, will.Qos);
        await using TestSubscriber late = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/will-test/availability"]);
        Assert.True((await late.WaitForAsync(_ => true, "retained will")).Retain);
        System.IO.Directory.Delete(state, recursive: true);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 10, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {seconds} s: {what}. {detail?.Invoke()}");
            }

            await Task.Delay(20);
        }
    }
}
