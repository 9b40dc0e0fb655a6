using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Outbox;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>An <see cref="MqttReporter"/> running in the background against a test broker, with a fake agent.</summary>
public sealed class RunningReporter : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly string _stateDirectory;

    RunningReporter(MqttReporter reporter, FakeAgent agent, string stateDirectory)
    {
        Reporter = reporter;
        Agent = agent;
        _stateDirectory = stateDirectory;
        Running = reporter.RunAsync(_stop.Token);
    }

    /// <summary>The reporter under test.</summary>
    public MqttReporter Reporter { get; }

    /// <summary>The fake agent behind it.</summary>
    public FakeAgent Agent { get; }

    /// <summary>The reporter's run; faults when the reporter fails.</summary>
    public Task Running { get; }

    /// <summary>Starts a reporter with the given <c>mqtt:*</c> settings (fast intervals for tests unless overridden).</summary>
    public static RunningReporter Start(string deviceId, params (string Key, string Value)[] settings)
    {
        var map = new Dictionary<string, string>
        {
            ["mqtt:statusIntervalSeconds"] = "1",
            ["mqtt:reconnectMinSeconds"] = "0.1",
            ["mqtt:reconnectMaxSeconds"] = "0.5",
            ["mqtt:keepAliveSeconds"] = "5",
            ["mqtt:deviceId"] = deviceId,
        };
        foreach ((string key, string value) in settings)
        {
            map[key] = value;
        }

        MqttOptions options = MqttOptions.Parse(key => map.GetValueOrDefault(key));
        string state = Directory.CreateTempSubdirectory("iotminer-reporter-").FullName;
        var agent = new FakeAgent();
        var reporter = new MqttReporter(options, deviceId, ShareOutbox.Open(state), agent, agent, "0.1.0-test");
        return new RunningReporter(reporter, agent, state);
    }

    /// <summary>The connection, once connected.</summary>
    public async Task<MqttConnection> ConnectedAsync(double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        MqttConnection connection = await Reporter.Connection.WaitAsync(timeout.Token);
        try
        {
            await connection.WaitConnectedAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"reporter did not connect within {seconds} s; last error: {connection.LastError}");
        }

        return connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await Running;
        Reporter.Outbox.Dispose();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
