using System;
using System.Collections.Generic;
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
/// The share pipeline against a quiet pool, with the real agent process: every share found is journalled when it is
/// found (not when the pool answers the one before), submissions do not wait for each other, and a SIGKILL while the
/// pool is silent loses no share: the restarted agent publishes each one, without a result.
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed class ShareJournalTests : IDisposable
{
    const int Shares = 5;

    readonly string _state = Directory.CreateTempSubdirectory("iotminer-journal-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task A_pool_that_does_not_answer_does_not_hold_back_later_shares()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 0.0002 });
        pool.HoldSubmitAnswers();
        using AgentProcess agent = Start(pool, "--mqtt:enabled=false");

        // Nothing is answered yet, so a serial submitter would have sent one share and be waiting for its answer.
        await pool.WaitUntilAsync(() => pool.Submissions.Count >= Shares || agent.HasExited, $"{Shares} shares submitted while none is answered", 60);
        Assert.False(agent.HasExited, agent.Output);
        Assert.True(pool.HeldAnswers >= Shares);

        // The verdicts are logged (accepted ones alone or summarised, at most 10 s later) once the pool answers.
        await pool.ReleaseSubmitAnswersAsync();
        await agent.WaitUntilAsync(lines => AcceptedLines.Count(lines) >= Shares, $"{Shares} verdicts recorded once the pool answers");
        Assert.Empty(pool.ProtocolErrors);
        Assert.All(pool.Submissions, s => Assert.True(s.Accepted, $"share {s} was refused by the pool"));
    }

    [Fact]
    public async Task Every_share_found_while_the_pool_is_silent_survives_a_sigkill_and_is_published_after_the_restart()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestSubscriber collector = await TestSubscriber.ConnectAsync(broker.Port, ["iotminer/journal/#"]);
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 0.0002 });
        pool.HoldSubmitAnswers();

        // First run: the pool takes every share and answers none; shares wait up to 300 s for a result, so none leaves the outbox.
        string[] mqtt = ["--mqtt:host=127.0.0.1", $"--mqtt:port={broker.Port}", "--mqtt:deviceId=journal", "--mqtt:homeAssistant=false"];
        using (AgentProcess first = Start(pool, [.. mqtt, "--mqtt:shareResultWaitSeconds=300"]))
        {
            await pool.WaitUntilAsync(() => pool.Submissions.Count >= Shares || first.HasExited, $"{Shares} shares submitted", 60);

            // Pause over MQTT so the journal settles (no share is being found or written) before the kill.
            await collector.WaitForAsync(m => m.Topic == "iotminer/journal/availability" && m.Payload == "online", "the agent online");
            await collector.PublishAsync("iotminer/journal/cmd/pause", "");
            await collector.WaitForAsync(m => m.Topic == "iotminer/journal/event" && m.Json.GetProperty("ok").GetBoolean(), "the pause applied");
            await SettledAsync();
            first.Kill();
        }

        // The journal is what survives the kill: the ids the restarted agent must publish. The agent logs found
        // shares at debug level only (summaries at info), so the pool's submissions are the outside witness.
        Dictionary<string, JsonElement> journalled = Journal();
        List<string> found = [.. journalled.Keys];
        Assert.True(found.Count >= Shares, $"only {found.Count} shares journalled");
        Assert.All(journalled.Values, share => Assert.Equal(JsonValueKind.Null, share.GetProperty("result").ValueKind));
        // Every share the pool received is on disk: unacknowledged (the pool never answered), it was written within a second.
        Assert.All(pool.Submissions, s => Assert.Contains(journalled.Values, j => j.GetProperty("nonce").GetString() == s.Nonce
            && j.GetProperty("extranonce2").GetString() == s.Extranonce2 && j.GetProperty("job_id").GetString() == s.JobId));
        Assert.DoesNotContain(collector.Messages, m => m.Topic == "iotminer/journal/share");

        // Second run: the pool answers again. The earlier run's shares can get no answer now; they go out at once, with no result.
        await pool.ReleaseSubmitAnswersAsync();
        using AgentProcess second = Start(pool, mqtt);
        await MqttBrokerContractTests.WaitUntilAsync(() => found.All(id => Published(collector, id) is not null), "every share of the killed run published",
            seconds: 60, detail: () => $"published: {string.Join(", ", collector.Messages.Where(m => m.Topic.EndsWith("/share")).Select(m => m.Json.GetProperty("id").GetString()))}; agent:\n{second.Output}");
        Assert.All(found, id => Assert.Equal(JsonValueKind.Null, Published(collector, id)!.Value.GetProperty("result").ValueKind));
        await second.WaitUntilAsync(_ => second.LinesWith($"{found.Count} shares found before the agent last stopped never got the pool's answer").Count == 1,
            "the restart names the unanswered shares");
    }

    AgentProcess Start(TestPool pool, params string[] settings)
    {
        string config = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(config, "{ // everything comes from the overrides\n}");
        return AgentProcess.Start(_state, ["run", "--config", config, $"--stateDirectory={_state}", "--consent=true", "--mining:threads=1",
            "--governor:idleOnly=false", "--governor:noSensorDutyPercent=100", $"--stratum:pools:0:url={pool.Url}", "--stratum:pools:0:user=bc1qjournal.rig1",
            .. settings]);
    }

    // Waits until the journal has not grown for two seconds (mining is paused).
    async Task SettledAsync()
    {
        int count = Journal().Count;
        DateTime quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(200);
            int now = Journal().Count;
            if (now != count)
            {
                count = now;
                quietSince = DateTime.UtcNow;
            }
        }
    }

    // The outbox as the killed agent left it, read without opening it as the agent would (which ends the holds).
    Dictionary<string, JsonElement> Journal()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_state, ShareOutbox.FileName),
            Pooling = false,
        }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, payload FROM outbox ORDER BY seq;";
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new Dictionary<string, JsonElement>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone());
        }

        return rows;
    }

    static JsonElement? Published(TestSubscriber collector, string id) =>
        collector.Messages.Where(m => m.Topic == "iotminer/journal/share").Select(m => m.Json)
            .Cast<JsonElement?>().FirstOrDefault(j => j!.Value.GetProperty("id").GetString() == id);
}
