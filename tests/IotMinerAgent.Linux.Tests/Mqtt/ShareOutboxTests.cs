using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Mqtt.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class ShareOutboxTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("iotminer-outbox-").FullName;

    // The outbox's write timer runs on this clock: it fires only when a test advances it, never by the machine's load.
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static ShareMessage Share(int n, string? id = null) => new()
    {
        Id = id ?? ShareMessage.NewId(),
        DeviceId = "test",
        FoundAt = DateTimeOffset.UtcNow,
        Algo = "sha256d",
        JobId = "job",
        Nonce = n.ToString("x8"),
        Hash = new string('0', 64),
    };

    [Fact]
    public void Shares_survive_closing_and_reopening_in_order_with_their_ids()
    {
        string[] ids;
        using (ShareOutbox outbox = Open())
        {
            ids = Enumerable.Range(0, 5).Select(n => { ShareMessage s = Share(n); outbox.Enqueue(s); return s.Id; }).ToArray();
        }

        using ShareOutbox reopened = Open();

        Assert.Equal(ids, reopened.ReadyBatch(10).Select(p => p.Id));
        Assert.Equal(ids[2], JsonDocument.Parse(reopened.ReadyBatch(10)[2].PayloadJson).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Database_runs_in_wal_mode_with_full_sync()
    {
        using ShareOutbox outbox = Open();
        outbox.Enqueue(Share(1));

        // On the outbox's own connection: synchronous is per connection (2 = FULL, sqlite.org/pragma.html#pragma_synchronous).
        Assert.Equal(("wal", 2L), outbox.Durability);

        // journal_mode=WAL is kept in the database file itself: a connection opened afterwards finds it too.
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = outbox.Path, Pooling = false }.ToString());
        other.Open();
        using SqliteCommand journal = other.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", journal.ExecuteScalar());
    }

    [Fact]
    public void Only_deleted_shares_leave_the_queue()
    {
        using ShareOutbox outbox = Open();
        for (int n = 0; n < 4; n++)
        {
            outbox.Enqueue(Share(n));
        }

        var batch = outbox.ReadyBatch(10);
        outbox.Delete([batch[0], batch[2]]);

        Assert.Equal(2, outbox.Count);
        Assert.Equal(new[] { batch[1].Id, batch[3].Id }, outbox.ReadyBatch(10).Select(p => p.Id));
    }

    [Fact]
    public void Enqueuing_the_same_id_twice_keeps_one_copy()
    {
        using ShareOutbox outbox = Open();
        ShareMessage share = Share(1);

        outbox.Enqueue(share);
        outbox.Enqueue(share);

        Assert.Equal(1, outbox.Count);
    }

    [Fact]
    public void A_share_without_id_is_refused()
    {
        using ShareOutbox outbox = Open();

        var error = Assert.Throws<ArgumentException>(() => outbox.Enqueue(Share(1, id: "")));

        Assert.Contains("ShareMessage.NewId()", error.Message);
    }

    [Fact]
    public void A_held_share_waits_for_the_pool_answer_and_carries_it()
    {
        using ShareOutbox outbox = Open();
        ShareMessage share = Share(1);
        outbox.Enqueue(share, awaitResult: TimeSpan.FromMinutes(5));

        Assert.Empty(outbox.ReadyBatch(10));
        Assert.True(outbox.RecordResult(share.Id, ShareVerdict.Rejected, "low difficulty"));

        ShareMessage published = JsonSerializer.Deserialize(outbox.ReadyBatch(10).Single().PayloadJson, MqttJsonContext.Default.ShareMessage)!;
        Assert.Equal(share.Id, published.Id);
        Assert.Equal(ShareVerdict.Rejected, published.Result);
        Assert.Equal("low difficulty", published.RejectReason);
    }

    [Fact]
    public void Reopening_ends_the_holds_of_the_run_before_and_counts_its_unanswered_shares()
    {
        ShareMessage[] shares = [Share(1), Share(2), Share(3)];
        // The run that held these shares for the pool's answer is gone (killed): no answer can come to a new run.
        using (ShareOutbox before = Open())
        {
            foreach (ShareMessage share in shares)
            {
                before.Enqueue(share, awaitResult: TimeSpan.FromMinutes(5));
            }

            Assert.True(before.RecordResult(shares[1].Id, ShareVerdict.Accepted));
            Assert.Equal(0, before.UnansweredAtOpen);
        }

        using ShareOutbox after = Open();

        Assert.Equal(2, after.UnansweredAtOpen);
        IReadOnlyList<PendingShare> ready = after.ReadyBatch(10);
        Assert.Equal(shares.Select(s => s.Id), ready.Select(p => p.Id));
        Assert.Null(JsonSerializer.Deserialize(ready[0].PayloadJson, MqttJsonContext.Default.ShareMessage)!.Result);
        Assert.Equal(ShareVerdict.Accepted, JsonSerializer.Deserialize(ready[1].PayloadJson, MqttJsonContext.Default.ShareMessage)!.Result);
    }

    [Fact]
    public void A_held_share_is_published_without_answer_once_the_wait_is_over()
    {
        using ShareOutbox outbox = Open();
        outbox.Enqueue(Share(1), awaitResult: TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(outbox.ReadyBatch(10));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(outbox.ReadyBatch(10));
    }

    [Fact]
    public void An_answer_after_publication_reports_it_came_too_late()
    {
        using ShareOutbox outbox = Open();
        ShareMessage share = Share(1);
        outbox.Enqueue(share);
        outbox.Delete(outbox.ReadyBatch(1));

        Assert.False(outbox.RecordResult(share.Id, ShareVerdict.Accepted));
    }

    [Fact]
    public void Shares_still_unacknowledged_when_the_write_is_due_are_written_together()
    {
        using ShareOutbox outbox = Open();
        var secured = new List<(string Id, ShareSecuredBy By)>();
        outbox.Secured += (id, by) => secured.Add((id, by));
        ShareMessage[] shares = [Share(1), Share(2), Share(3)];

        outbox.Enqueue(shares[0]);
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        outbox.Enqueue([shares[1], shares[2]]);
        // Read through another connection, as a new process after a SIGKILL would.
        Assert.Empty(OnDisk());

        // Due 1 s after the oldest (shares[0]); the two enqueued 0.4 s later go in the same commit.
        _clock.Advance(TimeSpan.FromMilliseconds(600));

        Assert.Equal(shares.Select(s => s.Id), OnDisk().Select(r => r.Id));
        Assert.Equal(shares.Select(s => (s.Id, ShareSecuredBy.Disk)), secured);
        Assert.Equal((3L, 0L), (outbox.SharesWritten, outbox.SharesNeverWritten));
    }

    [Fact]
    public void A_share_acknowledged_before_its_write_is_due_never_reaches_the_disk()
    {
        using ShareOutbox outbox = Open();
        var secured = new List<(string Id, ShareSecuredBy By)>();
        outbox.Secured += (id, by) => secured.Add((id, by));
        ShareMessage acknowledged = Share(1);
        ShareMessage unacknowledged = Share(2);
        outbox.Enqueue([acknowledged, unacknowledged]);

        outbox.Delete([outbox.ReadyBatch(10)[0]]);
        _clock.Advance(ShareOutbox.DefaultWriteDelay);

        Assert.Equal([unacknowledged.Id], OnDisk().Select(r => r.Id));
        Assert.Equal([(acknowledged.Id, ShareSecuredBy.Broker), (unacknowledged.Id, ShareSecuredBy.Disk)], secured);
        Assert.Equal((1L, 1L), (outbox.SharesWritten, outbox.SharesNeverWritten));
        // Not in the WAL either: no byte of it was ever written.
        Assert.False(AnyFileContains(acknowledged.Id));
        Assert.True(AnyFileContains(unacknowledged.Id));
    }

    [Fact]
    public void An_answer_before_the_write_is_written_with_the_share()
    {
        using ShareOutbox outbox = Open();
        ShareMessage share = Share(1);
        outbox.Enqueue(share, awaitResult: TimeSpan.FromMinutes(5));

        Assert.True(outbox.RecordResult(share.Id, ShareVerdict.Accepted));
        _clock.Advance(ShareOutbox.DefaultWriteDelay);

        Assert.Equal([(share.Id, (string?)"accepted")], OnDisk());
    }

    [Fact]
    public void A_delete_waits_for_the_next_commit_and_a_kill_before_it_publishes_the_share_again()
    {
        using ShareOutbox outbox = Open();
        ShareMessage first = Share(1);
        outbox.Enqueue(first);
        _clock.Advance(ShareOutbox.DefaultWriteDelay);
        outbox.Delete(outbox.ReadyBatch(10));

        Assert.Equal(0, outbox.Count);
        // Not written yet: a process opening the outbox now (after a SIGKILL) publishes the share again (at least once).
        using (ShareOutbox afterKill = ShareOutbox.Open(_directory, _clock))
        {
            Assert.Equal([first.Id], afterKill.ReadyBatch(10).Select(p => p.Id));
        }

        // The next share's write carries the delete.
        ShareMessage second = Share(2);
        outbox.Enqueue(second);
        _clock.Advance(ShareOutbox.DefaultWriteDelay);

        Assert.Equal([second.Id], OnDisk().Select(r => r.Id));
    }

    [Fact]
    public void A_delete_alone_is_written_once_the_deferred_write_limit_is_over()
    {
        using ShareOutbox outbox = Open();
        outbox.Enqueue(Share(1));
        _clock.Advance(ShareOutbox.DefaultWriteDelay);
        outbox.Delete(outbox.ReadyBatch(10));

        _clock.Advance(ShareOutbox.DeferredWriteLimit - TimeSpan.FromMilliseconds(1));
        Assert.Single(OnDisk());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(OnDisk());
    }

    [Fact]
    public void Deferred_answers_and_deletes_are_written_by_WriteNow_and_by_Dispose()
    {
        ShareMessage answered = Share(1);
        ShareMessage published = Share(2);
        using (ShareOutbox outbox = Open())
        {
            outbox.Enqueue([answered, published], awaitResult: TimeSpan.FromMinutes(5));
            outbox.WriteNow();
            Assert.True(outbox.RecordResult(answered.Id, ShareVerdict.Accepted));
            Assert.Null(OnDisk()[0].Result);
            outbox.WriteNow();
            Assert.Equal("accepted", OnDisk()[0].Result);

            Assert.True(outbox.RecordResult(published.Id, ShareVerdict.Accepted));
            outbox.Delete([.. outbox.ReadyBatch(10).Where(p => p.Id == published.Id)]);
            Assert.Equal(2, OnDisk().Count);
        }

        Assert.Equal([answered.Id], OnDisk().Select(r => r.Id));
    }

    [Fact]
    public void A_version_1_outbox_is_migrated_with_its_shares_in_order()
    {
        // Schema version 1 as the agent before issue 15 created it; the second share was held for the pool's answer.
        using (var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, ShareOutbox.FileName), Pooling = false }.ToString()))
        {
            old.Open();
            using SqliteCommand create = old.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, payload TEXT NOT NULL, ready_at_ms INTEGER NOT NULL);
                CREATE INDEX outbox_ready ON outbox (ready_at_ms, seq);
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
            foreach ((long seq, ShareMessage share, long readyAt) in new[] { (7L, Share(1, "first"), 0L), (9L, Share(2, "second"), long.MaxValue) })
            {
                using SqliteCommand insert = old.CreateCommand();
                insert.CommandText = "INSERT INTO outbox (seq, id, payload, ready_at_ms) VALUES ($seq, $id, $payload, $ready);";
                insert.Parameters.AddWithValue("$seq", seq);
                insert.Parameters.AddWithValue("$id", share.Id);
                insert.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage));
                insert.Parameters.AddWithValue("$ready", readyAt);
                insert.ExecuteNonQuery();
            }
        }

        using ShareOutbox outbox = Open();
        ShareMessage third = Share(3);
        outbox.Enqueue(third);

        Assert.Equal(2, outbox.UnansweredAtOpen);
        Assert.Equal(["first", "second", third.Id], outbox.ReadyBatch(10).Select(p => p.Id));
        Assert.Equal([7L, 9L, 10L], outbox.ReadyBatch(10).Select(p => p.Sequence));
    }

    // The rows on disk, read through a separate connection.
    List<(string Id, string? Result)> OnDisk()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, ShareOutbox.FileName), Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, json_extract(payload, '$.result') FROM outbox ORDER BY seq;";
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<(string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }

    ShareOutbox Open() => ShareOutbox.Open(_directory, _clock);

    // True when some file of the state directory (database, WAL, shared memory) holds text's bytes.
    bool AnyFileContains(string text)
    {
        byte[] needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.GetFiles(_directory).Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }
}
