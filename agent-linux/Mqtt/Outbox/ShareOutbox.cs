using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt.Messages;
using Microsoft.Data.Sqlite;

namespace IotMinerAgent.Linux.Mqtt.Outbox;

/// <summary>
/// Disk-backed queue of shares to publish. <see cref="Enqueue(IReadOnlyList{ShareMessage}, TimeSpan)"/> returns only
/// once its shares are on disk, in one commit for the whole batch (group commit: the caller gathers the shares found
/// within a short interval); only shares on disk are ever handed out by <see cref="ReadyBatch"/>. A share leaves the
/// queue only through <see cref="Delete"/>, which the publisher calls after the broker's PUBACK. A broker outage, a
/// restart, SIGKILL or a power cut therefore loses no share that was enqueued: pending shares are published with their
/// original ids when the broker is back (at least once; subscribers deduplicate by id).
/// </summary>
/// <remarks>
/// <para>SQLite in WAL mode with <c>synchronous=FULL</c>: every commit fsyncs the WAL, so a committed share survives a
/// power cut. <c>NORMAL</c> would survive SIGKILL but may lose the last commits on power loss
/// (sqlite.org/pragma.html#pragma_synchronous).</para>
/// <para>SD-card wear (docs/mqtt.md, "Disk writes"): each fsync rewrites whole pages, so the queue writes as few
/// pages per commit as it can. The table has no index besides its rowid (ids, holds and order are kept in memory), and
/// what is not needed for no-loss is not written at once: the delete of an acknowledged share and the pool's answer to
/// a queued share wait in memory for the next commit, at most <see cref="DeferredWriteLimit"/>. A SIGKILL in that
/// window only means the share is published again (with the answer it had on disk), never that one is lost.</para>
/// </remarks>
public sealed class ShareOutbox : IDisposable
{
    /// <summary>File name of the queue inside the state directory.</summary>
    public const string FileName = "mqtt-share-outbox.db";

    /// <summary>Longest time an acknowledged share's delete or a pool answer waits in memory for the next commit.</summary>
    public static readonly TimeSpan DeferredWriteLimit = TimeSpan.FromSeconds(5);

    // Version 1 had an AUTOINCREMENT sequence, a UNIQUE id index and a ready-time index: three more pages per commit.
    const int SchemaVersion = 2;

    // A share row is about 600 bytes: a 1 KiB page holds one, so a commit's WAL frames (page + 24 bytes,
    // sqlite.org/fileformat2.html#walformat) fill about one 4 KiB disk page instead of several.
    const int PageSize = 1024;

    readonly SqliteConnection _connection;
    readonly TimeProvider _time;
    readonly object _gate = new();
    readonly SemaphoreSlim _work = new(0);
    readonly SortedDictionary<long, QueuedShare> _queue;
    readonly Dictionary<string, long> _sequenceById;
    readonly Dictionary<long, string> _unwrittenAnswers = [];
    readonly List<long> _unwrittenDeletes = [];
    long _lastSequence;
    DateTimeOffset? _unwrittenSince;

    ShareOutbox(SqliteConnection connection, TimeProvider time, SortedDictionary<long, QueuedShare> queue, int unansweredAtOpen)
    {
        _connection = connection;
        _time = time;
        _queue = queue;
        _sequenceById = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach ((long sequence, QueuedShare share) in queue)
        {
            _sequenceById[share.Id] = sequence;
            _lastSequence = sequence;
        }

        UnansweredAtOpen = unansweredAtOpen;
    }

    /// <summary>
    /// Shares found by an earlier run that are still queued without the pool's answer (the agent was killed or
    /// stopped before it came). No answer can come any more: the pool's answer went to that run's connection, and a
    /// Stratum job lives only as long as its session. They are therefore ready at once; they are published with
    /// <c>result</c> null, as docs/mqtt.md says for a share whose answer was not seen.
    /// </summary>
    public int UnansweredAtOpen { get; }

    /// <summary>Path of the database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>When the oldest change kept in memory (a delete, a pool answer) is due to be written; null when there is none.</summary>
    public DateTimeOffset? DeferredWriteDue
    {
        get
        {
            lock (_gate)
            {
                return _unwrittenSince + DeferredWriteLimit;
            }
        }
    }

    /// <summary>Opens (creating when needed) the queue in <paramref name="stateDirectory"/>.</summary>
    public static ShareOutbox Open(string stateDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(stateDirectory);
        string path = System.IO.Path.Combine(stateDirectory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            // page_size applies only to a new database; it must come before WAL mode is set (sqlite.org/pragma.html#pragma_page_size).
            Execute(connection, $"PRAGMA page_size={PageSize};");
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA synchronous=FULL;");
            Execute(connection, "PRAGMA busy_timeout=5000;");
            Migrate(connection, path);
            SortedDictionary<long, QueuedShare> queue = Load(connection, out int unanswered);
            return new ShareOutbox(connection, time ?? TimeProvider.System, queue, unanswered);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
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
                return _queue.Count;
            }
        }
    }

    /// <summary>Stores one share durably; see <see cref="Enqueue(IReadOnlyList{ShareMessage}, TimeSpan)"/>.</summary>
    public void Enqueue(ShareMessage share, TimeSpan awaitResult = default) => Enqueue([share], awaitResult);

    /// <summary>
    /// Stores <paramref name="shares"/> durably, in one commit (returns after it reached the disk), together with the
    /// deletes and answers kept in memory so far. With <paramref name="awaitResult"/> &gt; 0 each share is held that
    /// long for <see cref="RecordResult"/>, so the published message can carry the pool's answer; after that it is
    /// published without it. A share whose id is already queued is left out.
    /// </summary>
    public void Enqueue(IReadOnlyList<ShareMessage> shares, TimeSpan awaitResult = default)
    {
        foreach (ShareMessage share in shares)
        {
            if (string.IsNullOrWhiteSpace(share.Id))
            {
                throw new ArgumentException("a share needs a unique Id; create it with ShareMessage.NewId()", nameof(shares));
            }
        }

        long readyAt = _time.GetUtcNow().Add(awaitResult > TimeSpan.Zero ? awaitResult : TimeSpan.Zero).ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var added = new List<(long Sequence, string Id)>(shares.Count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            using SqliteTransaction transaction = _connection.BeginTransaction();
            using SqliteCommand insert = Command("INSERT INTO outbox (seq, id, payload) VALUES ($seq, $id, $payload);", transaction);
            SqliteParameter seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Text);
            SqliteParameter payload = insert.Parameters.Add("$payload", SqliteType.Text);
            foreach (ShareMessage share in shares)
            {
                if (_sequenceById.ContainsKey(share.Id) || !ids.Add(share.Id))
                {
                    continue;
                }

                long sequence = _lastSequence + added.Count + 1;
                seq.Value = sequence;
                id.Value = share.Id;
                payload.Value = JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage);
                insert.ExecuteNonQuery();
                added.Add((sequence, share.Id));
            }

            WriteUnwritten(transaction);
            transaction.Commit();
            ForgetUnwritten();
            foreach ((long sequence, string shareId) in added)
            {
                _queue.Add(sequence, new QueuedShare(shareId) { ReadyAtMs = readyAt });
                _sequenceById.Add(shareId, sequence);
                _lastSequence = sequence;
            }
        }

        _work.Release();
    }

    /// <summary>
    /// Adds the pool's answer to a share still in the queue and makes it ready at once (the answer is written with the
    /// next commit). Returns false when the share is no longer queued (already published: the answer came too late).
    /// </summary>
    public bool RecordResult(string id, ShareVerdict result, string? rejectReason = null)
    {
        lock (_gate)
        {
            if (!_sequenceById.TryGetValue(id, out long sequence))
            {
                return false;
            }

            ShareMessage share = JsonSerializer.Deserialize(Payload(sequence), MqttJsonContext.Default.ShareMessage)!
                with { Result = result, RejectReason = result is ShareVerdict.Accepted or ShareVerdict.BlockAccepted ? null : rejectReason };
            _unwrittenAnswers[sequence] = JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage);
            _queue[sequence].ReadyAtMs = 0;
            _unwrittenSince ??= _time.GetUtcNow();
        }

        _work.Release();
        return true;
    }

    /// <summary>Up to <paramref name="max"/> shares ready to publish, oldest first.</summary>
    public IReadOnlyList<PendingShare> ReadyBatch(int max)
    {
        lock (_gate)
        {
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var batch = new List<PendingShare>();
            foreach ((long sequence, QueuedShare share) in _queue)
            {
                if (batch.Count == max)
                {
                    break;
                }

                if (share.ReadyAtMs <= now)
                {
                    batch.Add(new PendingShare(sequence, share.Id, Payload(sequence)));
                }
            }

            return batch;
        }
    }

    /// <summary>When the earliest held share becomes ready; null when nothing is queued.</summary>
    public DateTimeOffset? NextReadyTime()
    {
        lock (_gate)
        {
            long? earliest = null;
            foreach (QueuedShare share in _queue.Values)
            {
                earliest = earliest is null || share.ReadyAtMs < earliest ? share.ReadyAtMs : earliest;
            }

            return earliest is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
    }

    /// <summary>
    /// Removes shares the broker acknowledged. They leave the queue at once; the delete reaches the disk with the next
    /// commit, at most <see cref="DeferredWriteLimit"/> later (a SIGKILL before that publishes them again: at least once).
    /// </summary>
    public void Delete(IReadOnlyCollection<PendingShare> acknowledged)
    {
        lock (_gate)
        {
            foreach (PendingShare share in acknowledged)
            {
                if (_queue.Remove(share.Sequence))
                {
                    _sequenceById.Remove(share.Id);
                    _unwrittenAnswers.Remove(share.Sequence);
                    _unwrittenDeletes.Add(share.Sequence);
                    _unwrittenSince ??= _time.GetUtcNow();
                }
            }
        }
    }

    /// <summary>Writes the deletes and answers kept in memory now, in one commit (nothing when there are none).</summary>
    public void WriteDeferred()
    {
        lock (_gate)
        {
            if (_unwrittenSince is null)
            {
                return;
            }

            using SqliteTransaction transaction = _connection.BeginTransaction();
            WriteUnwritten(transaction);
            transaction.Commit();
            ForgetUnwritten();
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

    /// <summary>Writes what is kept in memory (<see cref="WriteDeferred"/>) and closes the database.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            try
            {
                WriteDeferred();
            }
            finally
            {
                _connection.Dispose();
            }
        }

        _work.Dispose();
    }

    string Payload(long sequence)
    {
        if (_unwrittenAnswers.TryGetValue(sequence, out string? answered))
        {
            return answered;
        }

        using SqliteCommand read = Command("SELECT payload FROM outbox WHERE seq = $seq;");
        read.Parameters.AddWithValue("$seq", sequence);
        return (string)read.ExecuteScalar()!;
    }

    void WriteUnwritten(SqliteTransaction transaction)
    {
        using SqliteCommand update = Command("UPDATE outbox SET payload = $payload WHERE seq = $seq;", transaction);
        SqliteParameter updated = update.Parameters.Add("$seq", SqliteType.Integer);
        SqliteParameter payload = update.Parameters.Add("$payload", SqliteType.Text);
        foreach ((long sequence, string json) in _unwrittenAnswers)
        {
            updated.Value = sequence;
            payload.Value = json;
            update.ExecuteNonQuery();
        }

        using SqliteCommand delete = Command("DELETE FROM outbox WHERE seq = $seq;", transaction);
        SqliteParameter deleted = delete.Parameters.Add("$seq", SqliteType.Integer);
        foreach (long sequence in _unwrittenDeletes)
        {
            deleted.Value = sequence;
            delete.ExecuteNonQuery();
        }
    }

    void ForgetUnwritten()
    {
        _unwrittenAnswers.Clear();
        _unwrittenDeletes.Clear();
        _unwrittenSince = null;
    }

    SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Every queued share, ready at once (the run that held some of them for the pool's answer is gone), and how many
    // of them have no answer.
    static SortedDictionary<long, QueuedShare> Load(SqliteConnection connection, out int unanswered)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT seq, id, json_extract(payload, '$.result') IS NULL FROM outbox ORDER BY seq;";
        using SqliteDataReader reader = command.ExecuteReader();
        var queue = new SortedDictionary<long, QueuedShare>();
        unanswered = 0;
        while (reader.Read())
        {
            queue.Add(reader.GetInt64(0), new QueuedShare(reader.GetString(1)));
            unanswered += reader.GetBoolean(2) ? 1 : 0;
        }

        return queue;
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

        if (current == SchemaVersion)
        {
            return;
        }

        string create = "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, payload TEXT NOT NULL);";
        string v1 = "ALTER TABLE outbox RENAME TO outbox_v1; "
            + create + " INSERT INTO outbox (seq, id, payload) SELECT seq, id, payload FROM outbox_v1 ORDER BY seq; DROP TABLE outbox_v1;";
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
            BEGIN IMMEDIATE;
            {(current == 1 ? v1 : create)}
            PRAGMA user_version = {SchemaVersion};
            COMMIT;
            """));
    }

    // A queued share in memory: its id and when it may be published (Unix ms; 0 = now). The payload stays on disk.
    sealed class QueuedShare(string id)
    {
        public string Id { get; } = id;

        public long ReadyAtMs { get; set; }
    }
}
