using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.StratumTestPool;
using Microsoft.Data.Sqlite;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// The real agent process mining for a hostile pool (the in-process test pool, real protocol) and commanded by a hostile
/// MQTT publisher (real mosquitto): terminal controls and bidi overrides in show_message, an unknown method, reject
/// reasons, a job id and MQTT commands never reach the console, the MQTT messages or the outbox raw; mining goes on.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed class HostileTextAgentTests : IDisposable
{
    private const string Device = "hostile-agent";
    private readonly string _state = Directory.CreateTempSubdirectory("iotminer-hostile-").FullName;

    [Fact]
    public async Task Pool_and_command_text_is_escaped_on_the_console_in_mqtt_and_in_the_outbox_and_mining_goes_on()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestSubscriber mqtt = await TestSubscriber.ConnectAsync(broker.Port, [$"iotminer/{Device}/#"], persistentReconnecting: true);
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 0.0002 });
        using AgentProcess agent = AgentProcess.Start(_state, Arguments(pool.Url, broker.Port));
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 1 || agent.HasExited, "a first accepted share", 90);
        Assert.False(agent.HasExited, "the agent stopped early:\n" + agent.Output);

        await pool.ShowMessageAsync("maintenance " + HostileText.All);
        await pool.SendRequestAsync("mining.evil" + HostileText.All);
        await pool.SendJobWithIdAsync("job" + HostileText.ClearScreen);
        await pool.SendJobWithIdAsync("job" + HostileText.RightToLeft);

        // mosquitto refuses C0 controls in topic names (MQTT 5.0 section 1.5.4 lets a server do so), so the name
        // carries the bidi override; the payloads carry everything.
        string all = JsonSerializer.Serialize(HostileText.All);
        int mark = mqtt.Count;
        await mqtt.PublishAsync($"iotminer/{Device}/cmd/threads{HostileText.RightToLeft}", "2");
        await mqtt.PublishAsync($"iotminer/{Device}/cmd/threads", $"{{\"value\": {all}, \"request_id\": {all}}}");
        await mqtt.PublishAsync($"iotminer/{Device}/cmd/max_duty", HostileText.All);
        await mqtt.PublishAsync($"iotminer/{Device}/cmd/max_duty", $"{{\"value\": 5, {all}: 1}}");
        await pool.WaitUntilAsync(() => mqtt.Messages.Skip(mark).Count(m => m.Topic.EndsWith("/event", StringComparison.Ordinal)) >= 4, "four command answers", 20);

        // With the broker down the rejected shares stay in the outbox, reasons and all: look at them there, then let
        // them drain to MQTT.
        await broker.StopAsync();
        pool.RejectNext(20, "rejected " + HostileText.All);
        pool.RejectNext(21, "stale " + HostileText.All);
        await pool.WaitUntilAsync(() => pool.Submissions.Count(s => !s.Accepted) >= 2, "two shares rejected with hostile reasons", 60);
        string[] outbox = [];
        await pool.WaitUntilAsync(() => (outbox = OutboxTexts()).Count(t => t.Contains(HostileText.ClearScreenEscaped, StringComparison.Ordinal)) >= 2, "two escaped reasons in the outbox", 30);
        foreach (string text in outbox)
        {
            HostileText.AssertNone(text, "the outbox");
        }

        await broker.StartAgainAsync();
        await mqtt.WaitForAsync(
            m => m.Topic.EndsWith("/share", StringComparison.Ordinal) && HostileText.Strings(m.Json).Any(t => t.Contains(HostileText.ClearScreenEscaped, StringComparison.Ordinal)),
            "a share message with the escaped reason", 0, 60);

        // Mining goes on: the next job is mined and its shares accepted.
        string job = await pool.SendJobAsync(clean: true);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == job) >= 2, "shares on the job sent after the hostile text", 60);
        Assert.Equal(0, await agent.StopAsync());

        string console = agent.Output;
        HostileText.AssertNone(console, "the console");
        Assert.Contains("maintenance " + HostileText.ClearScreenEscaped, console, StringComparison.Ordinal);
        Assert.Contains("unsupported method 'mining.evil\\x1b[2J", console, StringComparison.Ordinal);
        Assert.Contains("rejected \\x1b[2J", console, StringComparison.Ordinal);
        Assert.Contains("threads\\u202eevil", console, StringComparison.Ordinal);

        Received[] events = mqtt.Messages.Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal)).ToArray();
        Assert.True(events.Length >= 4);
        Assert.Contains(events, e => e.Json.GetProperty("command").GetString() == "threads\\u202eevil");
        Assert.Contains(events, e => e.Json.GetProperty("request_id").GetString() is { } id && id.StartsWith(HostileText.ClearScreenEscaped, StringComparison.Ordinal));
        foreach (Received message in mqtt.Messages.Where(m => !m.Topic.Contains("/cmd/", StringComparison.Ordinal)))
        {
            HostileText.AssertNone(message.Topic.Replace(HostileText.RightToLeft, string.Empty, StringComparison.Ordinal), "an MQTT topic");
            if (message.Payload.StartsWith('{'))
            {
                foreach (string text in HostileText.Strings(message.Json))
                {
                    HostileText.AssertNone(text, $"MQTT message on {message.Topic}");
                }
            }
        }

    }

    private string[] Arguments(string poolUrl, int brokerPort)
    {
        string config = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(config, "{ // everything comes from the overrides\n}");
        return
        [
            "run", "--config", config,
            "--consent=true",
            $"--stateDirectory={_state}",
            "--mining:threads=1",
            "--governor:idleOnly=false",
            "--governor:noSensorDutyPercent=100",
            $"--stratum:pools:0:url={poolUrl}",
            "--stratum:pools:0:user=bc1qtestpayout.rig1",
            "--mqtt:host=127.0.0.1",
            $"--mqtt:port={brokerPort}",
            $"--mqtt:deviceId={Device}",
        ];
    }

    // Every text cell of every table in the agent's share outbox.
    private string[] OutboxTexts()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_state, ShareOutbox.FileName), Pooling = false }.ToString());
        connection.Open();
        var tables = new System.Collections.Generic.List<string>();
        using (SqliteCommand list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using SqliteDataReader reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var texts = new System.Collections.Generic.List<string>();
        foreach (string table in tables)
        {
            using SqliteCommand select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using SqliteDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is not string text)
                    {
                        continue;
                    }

                    // A payload is JSON: its strings are checked decoded, as a consumer would read them.
                    texts.Add(text);
                    if (text.StartsWith('{'))
                    {
                        using JsonDocument json = JsonDocument.Parse(text);
                        texts.AddRange(HostileText.Strings(json.RootElement));
                    }
                }
            }
        }

        return [.. texts];
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
