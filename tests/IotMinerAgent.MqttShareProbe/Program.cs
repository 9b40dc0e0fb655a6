using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.MqttShareProbe;

/// <summary>
/// Usage: <c>IotMinerAgent.MqttShareProbe probe:state=DIR probe:from=0 probe:to=500 probe:intervalMs=4 mqtt:host=… mqtt:port=…</c>.
/// Prints <c>enqueued &lt;n&gt; &lt;id&gt;</c> once share n is durable, then keeps publishing until stdin closes.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string arg in args)
        {
            int equals = arg.IndexOf('=');
            if (equals <= 0)
            {
                Console.Error.WriteLine($"argument '{arg}' is not key=value");
                return 2;
            }

            settings[arg[..equals]] = arg[(equals + 1)..];
        }

        MqttOptions options = MqttOptions.Parse(key => settings.GetValueOrDefault(key));
        int from = int.Parse(settings["probe:from"], CultureInfo.InvariantCulture);
        int to = int.Parse(settings["probe:to"], CultureInfo.InvariantCulture);
        int intervalMs = int.Parse(settings.GetValueOrDefault("probe:intervalMs", "0"), CultureInfo.InvariantCulture);
        string deviceId = DeviceId.Resolve(options.DeviceId);

        using ShareOutbox outbox = ShareOutbox.Open(settings["probe:state"]);
        var agent = new ProbeAgent();
        var reporter = new MqttReporter(options, deviceId, outbox, agent, agent, "probe");
        using var stop = new CancellationTokenSource();
        Task running = reporter.RunAsync(stop.Token);
        _ = ReportConnectionAsync(reporter, outbox, stop.Token);
        Console.Out.WriteLine($"ready {outbox.Count}");
        Console.Out.Flush();

        for (int n = from; n < to; n++)
        {
            var share = new ShareMessage
            {
                Id = ShareMessage.NewId(),
                DeviceId = deviceId,
                FoundAt = DateTimeOffset.UtcNow,
                Algo = "sha256d",
                JobId = $"job-{n / 50}",
                Nonce = n.ToString("x8", CultureInfo.InvariantCulture),
                Extranonce2 = "00000001",
                Ntime = "65f1a2b3",
                Hash = new string('0', 56) + n.ToString("x8", CultureInfo.InvariantCulture),
                Difficulty = 1,
                PoolDifficulty = 1,
            };
            outbox.Enqueue(share);
            Console.Out.WriteLine($"enqueued {n} {share.Id}");
            Console.Out.Flush();
            if (intervalMs > 0)
            {
                await Task.Delay(intervalMs);
            }
        }

        Console.Out.WriteLine("done");
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        stop.Cancel();
        await running;
        return 0;
    }

    // Diagnostics for the test's failure message: the connection state and the outbox size, twice a second.
    static async Task ReportConnectionAsync(MqttReporter reporter, ShareOutbox outbox, CancellationToken cancellationToken)
    {
        MqttConnection connection = await reporter.Connection;
        while (!cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} connected={connection.IsConnected} queued={outbox.Count} error={connection.LastError}");
            await Task.Delay(500, CancellationToken.None);
        }
    }

    sealed class ProbeAgent : IAgentStatusSource, IAgentControl
    {
        public int MaxThreads => 1;

        public AgentStatus GetStatus() => new() { State = AgentState.Mining, Threads = 1, Version = "probe" };

        public void Pause()
        {
        }

        public void Resume()
        {
        }

        public void SetTargetTemperature(double celsius)
        {
        }

        public void SetMaxDuty(int percent)
        {
        }

        public void SetThreads(int threads)
        {
        }
    }
}
