using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt.Messages;
using Microsoft.Data.Sqlite;

namespace IotMinerAgent.Linux.Mqtt.Outbox;

/// <summary>
/// Disk-backed queue of shares to publish. <see cref="Enqueue(IReadOnlyList{ShareMessage}, TimeSpan)"/> keeps shares
/// in memory and returns at once; <see cref="WriteDelay"/> after the oldest of them was enqueued, every share still
/// queued (the broker has not acknowledged it) is written in one commit. A share leaves the queue only through
/// <see cref="Delete"/>, which the publisher calls after the broker's PUBACK: a share acknowledged before its write was
/// due never reaches the disk. A broker outage, a restart, SIGKILL or a power cut therefore loses no share that was
/// acknowledged or written (<see cref="Secured"/>): pending shares are published with their original ids when the
/// broker is back (at least once; subscribers deduplicate by id). A SIGKILL or power cut within
/// <see cref="WriteDelay"/> of a share being enqueued, before the broker acknowledged it, loses that share's message.
/// </summary>
/// <remarks>
/// <para>SQLite in WAL mode with <c>synchronous=FULL</c>: every commit fsyncs the WAL, so a written share survives a
/// power cut. <c>NORMAL</c> would survive SIGKILL but may lose the last commits on power loss
/// (sqlite.org/pragma.html#pragma_synchronous).</para>
/// <para>SD-card wear (docs/mqtt.md, "Disk writes"): each fsync rewrites whole pages, so the queue writes only what
/// the no-loss promise needs. Shares the broker acknowledged within <see cref="WriteDelay"/> (nearly all of them while
/// it is reachable) are never written. The table has no index besides its rowid (ids, holds and order are kept in
/// memory), and the delete of an acknowledged written share and the pool's answer to a written share wait in memory
/// for the next commit, at most <see cref="DeferredWriteLimit"/>. A SIGKILL in that window only means the share is
/// published again (with the answer it had on disk), never that one is lost.</para>
/// </remarks>
public sealed class ShareOutbox : IDisposable
{
    /// <summary>File name of the queue inside the state directory.</summary>
    public const string FileName = "mqtt-share-outbox.db";

    /// <summary>
    /// How long a share stays in memory only, for the broker to acknowledge it, before it is written (with every other
    /// share still unacknowledged then, in one commit). Long enough for a pool's answer and a PUBACK on a healthy
    /// network; short enough that a SIGKILL rarely finds a share in that state.
    /// </summary>
    public static readonly TimeSpan DefaultWriteDelay = TimeSpan.FromSeconds(1);

    /// <summary>Longest time an acknowledged share's delete or a pool answer waits in memory for the next commit.</summary>
    public static readonly TimeSpan DeferredWriteLimit = TimeSpan.FromSeconds(5);

    // Version 1 had an AUTOINCREMENT sequence, a UNIQUE id index and a ready-time index: three more pages per commit.
    const int SchemaVersion = 2;

    // A share row is about 600 bytes: a 1 KiB page holds one, so a commit's WAL frames (page + 24 bytes,
    // sqlite.org/fileformat2.html#walformat) fill about one 4 KiB disk page instead of several.
    const int PageSize = 1024;

    readonly SqliteConnection _connection;
    readonly TimeProvider _time;
    readonly TimeSpan _writeDelay;
    readonly ITimer _writer;
    readonly object _gate = new();
    readonly SemaphoreSlim _work = new(0);
    readonly SortedDictionary<long, QueuedShare> _queue;
    readonly Dictionary<string, long> _sequenceById;
    readonly Dictionary<long, string> _unwrittenAnswers = [];
    readonly List<long> _unwrittenDeletes = [];
    long _lastSequence;
    DateTimeOffset? _unwrittenSince;
    DateTimeOffset? _unwrittenSharesSince;
    ExceptionDispatchInfo? _writeFailure;
    bool _disposed;

    ShareOutbox(SqliteConnection connection, TimeProvider time, TimeSpan writeDelay, SortedDictionary<long, QueuedShare> queue, int unansweredAtOpen)
    {
        _connection = connection;
        _time = time;
        _writeDelay = writeDelay;
        _queue = queue;
        _sequenceById = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach ((long sequence, QueuedShare share) in queue)
        {
            _sequenceById[share.Id] = sequence;
            _lastSequence = sequence;
        }

        UnansweredAtOpen = unansweredAtOpen;
        _writer = time.CreateTimer(_ => WriteWhenDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Raised with a share's id once a SIGKILL can no longer lose it: it was written to disk, or the broker
    /// acknowledged it before it was (whichever came first). Raised outside the queue's lock.
    /// </summary>
    public event Action<string, ShareSecuredBy>? Secured;

    /// <summary>
    /// Shares found by an earlier run that are still queued without the pool's answer (the agent was killed or
    /// stopped before it came). No answer can come any more: the pool's answer went to that run's connection, and a
    /// Stratum job lives only as long as its session. They are therefore ready at once; they are published with
    /// <c>result</c> null, as docs/mqtt.md says for a share whose answer was not seen.
    /// </summary>
    public int UnansweredAtOpen { get; }

    /// <summary>Path of the database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Shares written to disk since the queue was opened (they were not acknowledged within <see cref="WriteDelay"/>).</summary>
    public long SharesWritten { get; private set; }

    /// <summary>Shares the broker acknowledged before their write was due, so they never reached the disk.</summary>
    public long SharesNeverWritten { get; private set; }

    /// <summary>How long a share stays in memory only before it is written if still unacknowledged.</summary>
    public TimeSpan WriteDelay => _writeDelay;

    /// <summary>
    /// Opens (creating when needed) the queue in <paramref name="stateDirectory"/>; shares still unacknowledged
    /// <paramref name="writeDelay"/> after being enqueued (default <see cref="DefaultWriteDelay"/>) are written.
    /// </summary>
    public static ShareOutbox Open(string stateDirectory, TimeProvider? time = null, TimeSpan? writeDelay = null)
    {
        if (writeDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(writeDelay), writeDelay, "the write delay cannot be negative");
        }

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
            return new ShareOutbox(connection, time ?? TimeProvider.System, writeDelay ?? DefaultWriteDelay, queue, unanswered);
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

    /// <summary>Queues one share; see <see cref="Enqueue(IReadOnlyList{ShareMessage}, TimeSpan)"/>.</summary>
    public void Enqueue(ShareMessage share, TimeSpan awaitResult = default) => Enqueue([share], awaitResult);

    /// <summary>
    /// Queues <paramref name="shares"/> in memory and returns at once; those the broker has not acknowledged
    /// <see cref="WriteDelay"/> later are written then (<see cref="Secured"/> tells when). With
    /// <paramref name="awaitResult"/> &gt; 0 each share is held that long for <see cref="RecordResult"/>, so the
    /// published message can carry the pool's answer; after that it is published without it. A share whose id is
    /// already queued is left out. Throws when the last write failed (the shares stay queued in memory).
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

        DateTimeOffset now = _time.GetUtcNow();
        long readyAt = now.Add(awaitResult > TimeSpan.Zero ? awaitResult : TimeSpan.Zero).ToUnixTimeMilliseconds();
        lock (_gate)
        {
            _writeFailure?.Throw();
            foreach (ShareMessage share in shares)
            {
                if (_sequenceById.ContainsKey(share.Id))
                {
                    continue;
                }

                long sequence = ++_lastSequence;
                _queue.Add(sequence, new QueuedShare(share.Id)
                {
                    ReadyAtMs = readyAt,
                    UnwrittenPayload = JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage),
                });
                _sequenceById.Add(share.Id, sequence);
                _unwrittenSharesSince ??= now;
            }

            ArmWriter();
        }

        _work.Release();
    }

    /// <summary>
    /// Adds the pool's answer to a share still in the queue and makes it ready at once (for a share already written,
    /// the answer is written with the next commit). Returns false when the share is no longer queued (already
    /// published: the answer came too late).
    /// </summary>
    public bool RecordResult(string id, ShareVerdict result, string? rejectReason = null)
    {
        lock (_gate)
        {
            if (!_sequenceById.TryGetValue(id, out long sequence))
            {
                return false;
            }

            QueuedShare queued = _queue[sequence];
            ShareMessage share = JsonSerializer.Deserialize(Payload(sequence), MqttJsonContext.Default.ShareMessage)!
                with { Result = result, RejectReason = result is ShareVerdict.Accepted or ShareVerdict.BlockAccepted ? null : rejectReason };
            string answered = JsonSerializer.Serialize(share, MqttJsonContext.Default.ShareMessage);
            if (queued.UnwrittenPayload is null)
            {
                _unwrittenAnswers[sequence] = answered;
                _unwrittenSince ??= _time.GetUtcNow();
                ArmWriter();
            }
            else
            {
                queued.UnwrittenPayload = answered;
            }

            queued.ReadyAtMs = 0;
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
    /// Removes shares the broker acknowledged. They leave the queue at once. A share not written yet is simply
    /// forgotten (it never reaches the disk); the delete of a written one reaches the disk with the next commit, at most
    /// <see cref="DeferredWriteLimit"/> later (a SIGKILL before that publishes it again: at least once).
    /// </summary>
    public void Delete(IReadOnlyCollection<PendingShare> acknowledged)
    {
        var neverWritten = new List<string>();
        lock (_gate)
        {
            foreach (PendingShare share in acknowledged)
            {
                if (!_queue.Remove(share.Sequence, out QueuedShare? queued))
                {
                    continue;
                }

                _sequenceById.Remove(share.Id);
                if (queued.UnwrittenPayload is not null)
                {
                    neverWritten.Add(share.Id);
                    continue;
                }

                _unwrittenAnswers.Remove(share.Sequence);
                _unwrittenDeletes.Add(share.Sequence);
                _unwrittenSince ??= _time.GetUtcNow();
            }

            SharesNeverWritten += neverWritten.Count;
            ArmWriter();
        }

        Raise(neverWritten, ShareSecuredBy.Broker);
    }

    /// <summary>
    /// Writes now, in one commit, every queued share not written yet and the deletes and answers kept in memory
    /// (nothing when there are none). The queue's timer calls it when a write is due; a clean stop calls it through
    /// <see cref="Dispose"/>.
    /// </summary>
    public void WriteNow()
    {
        var written = new List<string>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Write(written);
        }

        Raise(written, ShareSecuredBy.Disk);
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

    /// <summary>Writes what is kept in memory (<see cref="WriteNow"/>) and closes the database.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        var written = new List<string>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                Write(written);
            }
            finally
            {
                _connection.Dispose();
            }
        }

        Raise(written, ShareSecuredBy.Disk);
        _work.Dispose();
    }

    // The timer's callback: a failed write (disk full, read-only) is kept and thrown by the next Enqueue, so the agent
    // stops as it would have when a synchronous write failed; the shares stay queued in memory meanwhile.
    void WriteWhenDue()
    {
        var written = new List<string>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                Write(written);
                _writeFailure = null;
            }
            catch (Exception exception) when (exception is SqliteException or IOException)
            {
                _writeFailure = ExceptionDispatchInfo.Capture(exception);
            }
        }

        Raise(written, ShareSecuredBy.Disk);
    }

    // One commit: every share not written yet, then the answers and deletes kept in memory. Under the lock.
    void Write(List<string> written)
    {
        var shares = new List<(long Sequence, QueuedShare Share)>();
        foreach ((long sequence, QueuedShare share) in _queue)
        {
            if (share.UnwrittenPayload is not null)
            {
                shares.Add((sequence, share));
            }
        }

        if (shares.Count > 0 || _unwrittenSince is not null)
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            Insert(shares, transaction);
            WriteUnwritten(transaction);
            transaction.Commit();
        }

        foreach ((_, QueuedShare share) in shares)
        {
            share.UnwrittenPayload = null;
            written.Add(share.Id);
        }

        SharesWritten += shares.Count;
        ForgetUnwritten();
        ArmWriter();
    }

    // Sets the timer to the earliest write due: the oldest unwritten share's WriteDelay, the oldest delete's or
    // answer's DeferredWriteLimit. Called under the lock after every change of either.
    void ArmWriter()
    {
        DateTimeOffset? shares = _unwrittenSharesSince + _writeDelay;
        DateTimeOffset? deferred = _unwrittenSince + DeferredWriteLimit;
        DateTimeOffset? due = shares is null ? deferred : deferred is null || shares < deferred ? shares : deferred;
        if (_disposed || due is null)
        {
            return;
        }

        TimeSpan wait = due.Value - _time.GetUtcNow();
        _writer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    void Raise(List<string> ids, ShareSecuredBy by)
    {
        foreach (string id in ids)
        {
            Secured?.Invoke(id, by);
        }
    }

    string Payload(long sequence) =>
        _unwrittenAnswers.TryGetValue(sequence, out string? answered) ? answered
        : _queue.TryGetValue(sequence, out QueuedShare? queued) && queued.UnwrittenPayload is string unwritten ? unwritten
        : ReadPayload(sequence);

    string ReadPayload(long sequence)
    {
        using SqliteCommand read = Command("SELECT payload FROM outbox WHERE seq = $seq;");
        read.Parameters.AddWithValue("$seq", sequence);
        return (string)read.ExecuteScalar()!;
    }

    void Insert(List<(long Sequence, QueuedShare Share)> shares, SqliteTransaction transaction)
    {
        using SqliteCommand insert = Command("INSERT INTO outbox (seq, id, payload) VALUES ($seq, $id, $payload);", transaction);
        SqliteParameter seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Text);
        SqliteParameter payload = insert.Parameters.Add("$payload", SqliteType.Text);
        foreach ((long sequence, QueuedShare share) in shares)
        {
            seq.Value = sequence;
            id.Value = share.Id;
            payload.Value = share.UnwrittenPayload;
            insert.ExecuteNonQuery();
        }
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
        _unwrittenSharesSince = null;
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

    // A queued share in memory: its id, when it may be published (Unix ms; 0 = now) and, until it is written, its
    // payload (once written, the payload is read from disk).
    sealed class QueuedShare(string id)
    {
        public string Id { get; } = id;

        public long ReadyAtMs { get; set; }

        public string? UnwrittenPayload { get; set; }
    }
}
