using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt.Messages;
using Microsoft.Data.Sqlite;

namespace IotMinerAgent.Linux.Mqtt.Outbox;

/// <summary>
/// Disk-backed queue of shares to publish. <see cref="Enqueue"/> returns only once the share is on disk;
/// a share leaves the queue only through <see cref="Delete"/>, which the publisher calls after the broker's PUBACK.
/// A broker outage, a restart, SIGKILL or a power cut therefore loses nothing: pending shares are published
/// with their original ids when the broker is back (at least once; subscribers deduplicate by id).
/// </summary>
/// <remarks>
/// SQLite in WAL mode with <c>synchronous=FULL</c>: every commit fsyncs the WAL, so a committed share survives a
/// power cut. <c>NORMAL</c> would survive SIGKILL but may lose the last commits on power loss (sqlite.org/pragma.html
/// #pragma_synchronous), and a share is worth far more than one fsync: shares come a few per minute at most.
/// </remarks>
public sealed class ShareOutbox : IDisposable
{
    /// <summary>File name of the queue inside the state directory.</summary>
    public const string FileName = "mqtt-share-outbox.db";

    const int SchemaVersion = 1;

    readonly SqliteConnection _connection;
    readonly TimeProvider _time;
    readonly object _gate = new();
    readonly SemaphoreSlim _work = new(0);

    ShareOutbox(SqliteConnection connection, TimeProvider time, int unansweredAtOpen)
    {
        _connection = connection;
        _time = time;
        UnansweredAtOpen = unansweredAtOpen;
    }

    /// <summary>
    /// Shares found by an earlier run that are still queued without the pool's answer (the agent was killed or
    /// stopped before it came). No answer can come any more: the pool's answer went to that run's connection, and a
    /// Stratum job lives only as long as its session. <see cref="Open"/> therefore makes them ready at once; they are
    /// published with <c>result</c> null, as docs/mqtt.md says for a share whose answer was not seen.
    /// </summary>
    public int UnansweredAtOpen { get; }

    /// <summary>Path of the database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating when needed) the queue in <paramref name="stateDirectory"/>.</summary>
    public static ShareOutbox Open(string stateDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(stateDirectory);
        string path = System.IO.Path.Combine(stateDirectory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        int unanswered;
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA synchronous=FULL;");
            Execute(connection, "PRAGMA busy_timeout=5000;");
            Migrate(connection, path);
            unanswered = ReleaseHeld(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new ShareOutbox(connection, time ?? TimeProvider.System, unanswered);
    }

    /// <summary>
    /// The durability settings in force on the queue's own connection: PRAGMA journal_mode ("wal") and PRAGMA
    /// synchronous (2 = FULL, sqlite.org/pragma.html#pragma_synchronous). synchronous is per connection, so only this
    /// connection can show it; the tests read it here.
    /// </summary>
    internal (string JournalMode, long Synchronous) Durability
    {
        get
        {
            lock (_gate)
            {
                using SqliteCommand journal = Command("PRAGMA journal_mode;");
                using SqliteCommand synchronous = Command("PRAGMA synchronous;");
                return ((string)journal.ExecuteScalar()!, (long)synchronous.ExecuteScalar()!);
            }
        }
    }

    /// <summary>Shares waiting for the broker.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                using SqliteCommand command = Command("SELECT COUNT(*) FROM outbox;");
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="share"/> durably (returns after the commit reached the disk). With
    /// <paramref name="awaitResult"/> &gt; 0 the share is held that long for <see cref="RecordResult"/>, so the
    /// published message can carry the pool's answer; after that it is published without it. Enqueuing an id
    /// that is already queued does nothing.
    /// </summary>
    public void Enqueue(ShareMessage share, TimeSpan awaitResult = default)
    {
        if (string.IsNullOrWhiteSpace(share.Id))
        {
            throw new ArgumentException("a share needs a unique Id; create it with ShareMessage.NewId()", nameof(share));
        }

        long readyAt = _time.GetUtcNow().Add(awaitResult > TimeSpan.Zero ? awaitResult : TimeSpan.Zero).ToUnixTimeMilliseconds();
        lock (_gate)
        {
            using SqliteCommand command = Command(
                "INSERT INTO outbox (id, payload, ready_at_ms) VALUES ($id, $payload, $ready) ON CONFLICT(id) DO NOTHING;");
            command.Parameters.AddWithValue("$id", share.Id);
            command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage));
            command.Parameters.AddWithValue("$ready", readyAt);
            command.ExecuteNonQuery();
        }

        _work.Release();
    }

    /// <summary>
    /// Adds the pool's answer to a share still in the queue and makes it ready at once.
    /// Returns false when the share is no longer queued (already published: the answer came too late).
    /// </summary>
    public bool RecordResult(string id, ShareVerdict result, string? rejectReason = null)
    {
        lock (_gate)
        {
            using SqliteCommand read = Command("SELECT payload FROM outbox WHERE id = $id;");
            read.Parameters.AddWithValue("$id", id);
            if (read.ExecuteScalar() is not string json)
            {
                return false;
            }

            ShareMessage share = JsonSerializer.Deserialize(json, MqttJsonContext.Default.ShareMessage)!
                with { Result = result, RejectReason = result is ShareVerdict.Accepted or ShareVerdict.BlockAccepted ? null : rejectReason };
            using SqliteCommand update = Command("UPDATE outbox SET payload = $payload, ready_at_ms = 0 WHERE id = $id;");
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage));
            update.ExecuteNonQuery();
        }

        _work.Release();
        return true;
    }

    /// <summary>Up to <paramref name="max"/> shares ready to publish, oldest first.</summary>
    public IReadOnlyList<PendingShare> ReadyBatch(int max)
    {
        lock (_gate)
        {
            using SqliteCommand command = Command("SELECT seq, id, payload FROM outbox WHERE ready_at_ms <= $now ORDER BY seq LIMIT $max;");
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", max);
            using SqliteDataReader reader = command.ExecuteReader();
            var batch = new List<PendingShare>();
            while (reader.Read())
            {
                batch.Add(new PendingShare(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }

            return batch;
        }
    }

    /// <summary>When the earliest held share becomes ready; null when nothing is held.</summary>
    public DateTimeOffset? NextReadyTime()
    {
        lock (_gate)
        {
            using SqliteCommand command = Command("SELECT MIN(ready_at_ms) FROM outbox;");
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
    }

    /// <summary>Removes shares the broker acknowledged, in one transaction.</summary>
    public void Delete(IReadOnlyCollection<PendingShare> acknowledged)
    {
        if (acknowledged.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            using SqliteCommand command = Command("DELETE FROM outbox WHERE seq = $seq;");
            command.Transaction = transaction;
            SqliteParameter seq = command.Parameters.Add("$seq", SqliteType.Integer);
            foreach (PendingShare share in acknowledged)
            {
                seq.Value = share.Sequence;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Waits until a share is enqueued or answered, or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _work.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        while (_work.CurrentCount > 0)
        {
            _work.Wait(0, CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }

        _work.Dispose();
    }

    SqliteCommand Command(string sql)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Counts the queued shares without an answer and ends every hold: the run that held them for an answer is gone.
    static int ReleaseHeld(SqliteConnection connection)
    {
        using SqliteCommand count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM outbox WHERE json_extract(payload, '$.result') IS NULL;";
        int unanswered = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Execute(connection, "UPDATE outbox SET ready_at_ms = 0 WHERE ready_at_ms > 0;");
        return unanswered;
    }

    static void Migrate(SqliteConnection connection, string path)
    {
        using SqliteCommand version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        long current = (long)version.ExecuteScalar()!;
        if (current > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"share outbox '{path}' has schema version {current}, newer than this agent's {SchemaVersion}; upgrade the agent (deleting the file would lose unpublished shares)");
        }

        Execute(connection, $"""
            CREATE TABLE IF NOT EXISTS outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                payload TEXT NOT NULL,
                ready_at_ms INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_ready ON outbox (ready_at_ms, seq);
            PRAGMA user_version = {SchemaVersion};
            """);
    }
}
