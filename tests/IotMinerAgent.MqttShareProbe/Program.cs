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
/// Usage: <c>IotMinerAgent.MqttShareProbe probe:state=DIR probe:from=0 probe:to=500 probe:intervalMs=4 [probe:writeDelayMs=1000|default] mqtt:host=… mqtt:port=…</c>.
/// Prints <c>secured &lt;n&gt; &lt;id&gt; &lt;broker|disk&gt;</c> once share n can no longer be lost (the broker acknowledged it, or
/// it was written), in the order of n, then <c>done</c> once every share is enqueued; keeps publishing until stdin closes.
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
        string delay = settings.GetValueOrDefault("probe:writeDelayMs", "default");
        TimeSpan? writeDelay = delay == "default" ? null : TimeSpan.FromMilliseconds(int.Parse(delay, CultureInfo.InvariantCulture));

        using ShareOutbox outbox = ShareOutbox.Open(settings["probe:state"], writeDelay: writeDelay);
        var secured = new SecuredInOrder(from);
        outbox.Secured += secured.Add;
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
            secured.Expect(n, share.Id);
            outbox.Enqueue(share);
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

    // Prints "secured n id by" lines in the order of n: a share secured before an earlier one waits for it, so the
    // lines always name a prefix of the range (the test resumes after the last one).
    sealed class SecuredInOrder(int first)
    {
        readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        readonly SortedDictionary<int, string> _waiting = [];
        int _next = first;

        public void Expect(int n, string id)
        {
            lock (_numbers)
            {
                _numbers[id] = n;
            }
        }

        public void Add(string id, ShareSecuredBy by)
        {
            lock (_numbers)
            {
                _waiting[_numbers[id]] = $"{id} {by.ToString().ToLowerInvariant()}";
                while (_waiting.Remove(_next, out string? line))
                {
                    Console.Out.WriteLine($"secured {_next} {line}");
                    _next++;
                }

                Console.Out.Flush();
            }
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
