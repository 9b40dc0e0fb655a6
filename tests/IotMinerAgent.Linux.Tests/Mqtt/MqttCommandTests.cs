using System;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>Commands over a real mosquitto: valid ones show in the next status, invalid ones get an error event.</summary>
public sealed class MqttCommandTests : IAsyncLifetime
{
    MosquittoBroker _broker = null!;
    RunningReporter _agent = null!;
    TestSubscriber _sub = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/cmd-test/status", "iotminer/cmd-test/event"]);
        _agent = RunningReporter.Start("cmd-test", ("mqtt:host", "127.0.0.1"), ("mqtt:port", _broker.Port.ToString()),
            ("mqtt:statusIntervalSeconds", "3600"));
        await _agent.ConnectedAsync();
        await _sub.WaitForAsync(m => m.Topic.EndsWith("status"), "first status");
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _sub.DisposeAsync();
        await _broker.DisposeAsync();
    }

    async Task<(Received Event, Received? Status)> SendAsync(string command, string payload, Func<Received, bool>? expectedStatus = null)
    {
        int mark = _sub.Count;
        await _sub.PublishAsync($"iotminer/cmd-test/cmd/{command}", payload);
        Received answer = await _sub.WaitForAsync(m => m.Topic.EndsWith("event") && m.Json.GetProperty("command").GetString() == command, $"event for {command}", since: mark);
        if (!answer.Json.GetProperty("ok").GetBoolean())
        {
            return (answer, null);
        }

        // The status interval is an hour here: a status showing the change can only come from the command.
        return (answer, await _sub.WaitForAsync(m => m.Topic.EndsWith("status") && (expectedStatus?.Invoke(m) ?? true), $"status showing {command}", since: mark, seconds: 3));
    }

    [Fact]
    public async Task Valid_commands_take_effect_and_show_in_the_next_status()
    {
        (Received answer, _) = await SendAsync("threads", "3", m => m.Json.GetProperty("threads").GetInt32() == 3);
        Assert.True(answer.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(3, answer.Json.GetProperty("value").GetDouble());

        (answer, _) = await SendAsync("target_temperature", "{\"value\": 58.5, \"request_id\": \"ha-1\"}",
            m => m.Json.GetProperty("target_temperature_c").GetDouble() == 58.5);
        Assert.Equal("ha-1", answer.Json.GetProperty("request_id").GetString());

        await SendAsync("max_duty", "40", m => m.Json.GetProperty("max_duty_percent").GetInt32() == 40);

        (_, Received? paused) = await SendAsync("mining", "OFF", m => m.Json.GetProperty("state").GetString() == "paused");
        Assert.False(paused!.Json.GetProperty("mining_enabled").GetBoolean());

        await SendAsync("resume", "", m => m.Json.GetProperty("state").GetString() == "mining");

        Assert.Equal(["threads 3", "target_temperature 58.5", "max_duty 40", "pause", "resume"], _agent.Agent.Applied.ToArray());
    }

    [Theory]
    [InlineData("threads", "99", "out of range")]
    [InlineData("threads", "two", "needs a number")]
    [InlineData("max_duty", "{\"value\": 50, \"pool\": \"x\"}", "unknown field 'pool'")]
    [InlineData("target_temperature", "{broken", "not valid JSON")]
    [InlineData("selfdestruct", "", "unknown command")]
    [InlineData("pool", "stratum+tcp://evil.example:3333", "can never be changed over MQTT")]
    [InlineData("payout_address", "bc1qevil", "can never be changed over MQTT")]
    public async Task Invalid_commands_are_refused_with_an_event_and_change_nothing(string command, string payload, string expected)
    {
        AgentStatus before = _agent.Agent.GetStatus();

        (Received answer, _) = await SendAsync(command, payload);

        Assert.False(answer.Json.GetProperty("ok").GetBoolean());
        Assert.Contains(expected, answer.Json.GetProperty("error").GetString());
        Assert.Empty(_agent.Agent.Applied);
        Assert.Equal(before, _agent.Agent.GetStatus());
        Assert.False(_agent.Running.IsCompleted, "the reporter stopped after an invalid command");
    }

    [Fact]
    public async Task An_agent_refusal_becomes_an_error_event_and_the_agent_keeps_answering()
    {
        _agent.Agent.ThreadsFailure = new InvalidOperationException("threads cannot change while the benchmark runs");

        (Received refused, _) = await SendAsync("threads", "2");
        _agent.Agent.ThreadsFailure = new NullReferenceException("bug");
        (Received crashed, _) = await SendAsync("threads", "2");
        _agent.Agent.ThreadsFailure = null;
        (Received ok, _) = await SendAsync("threads", "2");

        Assert.Equal("threads cannot change while the benchmark runs", refused.Json.GetProperty("error").GetString());
        Assert.Contains("NullReferenceException", crashed.Json.GetProperty("error").GetString());
        Assert.True(ok.Json.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Retained_commands_are_not_replayed_when_an_agent_connects()
    {
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/cmd-retained/event"]);
        // An empty retained payload would delete the retained message (MQTT 5 §3.3.1.3), so send a JSON one.
        await sub.PublishAsync("iotminer/cmd-retained/cmd/pause", "{}", retain: true);

        await using RunningReporter late = RunningReporter.Start("cmd-retained", ("mqtt:host", "127.0.0.1"), ("mqtt:port", _broker.Port.ToString()));
        Received answer = await sub.WaitForAsync(m => m.Json.GetProperty("command").GetString() == "pause", "answer to the retained pause");

        Assert.False(answer.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(CommandHandler.RetainedError, answer.Json.GetProperty("error").GetString());
        Assert.Empty(late.Agent.Applied);
    }

    [Fact]
    public async Task After_a_broker_restart_the_agent_reconnects_resubscribes_and_republishes()
    {
        MqttConnection connection = await _agent.ConnectedAsync();
        await _broker.StopAsync();
        await _broker.StartAgainAsync();
        await MqttBrokerContractTests.WaitUntilAsync(() => connection.ConnectionCount == 2 && connection.IsConnected, "reconnected");
        await using TestSubscriber sub = await TestSubscriber.ConnectAsync(_broker.Port, ["iotminer/cmd-test/event", "iotminer/cmd-test/availability"]);

        await sub.PublishAsync("iotminer/cmd-test/cmd/threads", "1");

        Received answer = await sub.WaitForAsync(m => m.Topic.EndsWith("event"), "answer after reconnect");
        Assert.True(answer.Json.GetProperty("ok").GetBoolean());
        Assert.Equal("online", (await sub.WaitForAsync(m => m.Topic.EndsWith("availability"), "availability")).Payload);
    }
}
