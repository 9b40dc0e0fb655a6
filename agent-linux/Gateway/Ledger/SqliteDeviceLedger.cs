using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// The device ledger in one SQLite file: a row of totals per device and a share log keyed by (device, job id, nonce).
/// WAL with <c>synchronous=FULL</c>, so a committed record survives SIGKILL and power loss (sqlite.org/pragma.html
/// #pragma_synchronous); group commit (<see cref="GroupCommitQueue"/>) keeps that affordable at thousands of shares a second.
/// </summary>
/// <remarks>
/// The share log keeps one row per key: the first verdict, replaced only by a crediting or pending one (a share refused
/// unchecked as rate-limited and judged later), and a pending_upstream row (verdict 8) only by its final verdict. The
/// totals count every final verdict, duplicates included; a pending one counts when its final verdict comes. The
/// fleet's energy rows (<see cref="IFleetEnergyStore"/>) are a third table, added by <c>CREATE TABLE IF NOT EXISTS</c>
/// like the others, so a ledger file of an older gateway gains it at the next start.
/// </remarks>
public sealed class SqliteDeviceLedger : IDeviceLedger, IFleetEnergyStore
{
    private const int MaxBatch = 2048;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS ledger_devices (
            device_id TEXT PRIMARY KEY,
            shares INTEGER NOT NULL,
            difficulty_sum REAL NOT NULL,
            rejects INTEGER NOT NULL,
            blocks INTEGER NOT NULL,
            last_seen_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS ledger_shares (
            device_id TEXT NOT NULL,
            job_id INTEGER NOT NULL,
            nonce INTEGER NOT NULL,
            verdict INTEGER NOT NULL,
            difficulty REAL NOT NULL,
            judged_at_ms INTEGER NOT NULL,
            PRIMARY KEY (device_id, job_id, nonce));
        CREATE INDEX IF NOT EXISTS ledger_shares_judged_at ON ledger_shares (judged_at_ms);
        CREATE TABLE IF NOT EXISTS ledger_energy (
            device_id TEXT NOT NULL,
            day TEXT NOT NULL,
            instance INTEGER NOT NULL,
            kwh REAL NOT NULL,
            shares_accepted INTEGER NOT NULL,
            expected_coins REAL,
            energy_cost REAL,
            earned REAL,
            counter_kwh REAL,
            PRIMARY KEY (device_id, day, instance));
        """;

    private readonly SqliteConnection _writer;
    private readonly string _connectionString;
    private readonly GroupCommitQueue _queue;

    private SqliteDeviceLedger(SqliteConnection writer, string connectionString, ILogger logger)
    {
        _writer = writer;
        _connectionString = connectionString;
        _queue = new GroupCommitQueue(CommitAsync, MaxBatch, logger);
    }

    /// <summary>The database file.</summary>
    public string Path => _writer.DataSource;

    /// <summary>Opens (creating when needed) the ledger at <paramref name="path"/>.</summary>
    public static SqliteDeviceLedger Open(string path, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Execute(writer, "PRAGMA journal_mode=WAL;");
            Execute(writer, "PRAGMA synchronous=FULL;");
            Execute(writer, "PRAGMA busy_timeout=5000;");
            Execute(writer, Schema);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        return new SqliteDeviceLedger(writer, connectionString, logger);
    }

    /// <inheritdoc />
    public Task RecordAsync(LedgerShare share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        return _queue.EnqueueAsync(share, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> AbandonPendingAsync(byte instance, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        using SqliteTransaction transaction = connection.BeginTransaction();
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE ledger_devices SET rejects = rejects + (SELECT COUNT(*) FROM ledger_shares s
                WHERE s.device_id = ledger_devices.device_id AND s.verdict = 8 AND (s.job_id >> 24) = @instance)
            WHERE device_id IN (SELECT device_id FROM ledger_shares WHERE verdict = 8 AND (job_id >> 24) = @instance);
            UPDATE ledger_shares SET verdict = 4 WHERE verdict = 8 AND (job_id >> 24) = @instance;
            SELECT changes();
            """;
        command.Parameters.AddWithValue("@instance", (int)instance);
        long abandoned = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
        transaction.Commit();
        return (int)abandoned;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM ledger_shares WHERE rowid IN (
                SELECT rowid FROM ledger_shares WHERE judged_at_ms < @before AND verdict <> 8 ORDER BY judged_at_ms LIMIT @max);
            """;
        command.Parameters.AddWithValue("@before", judgedBefore.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@max", maxRows);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken)
    {
        IReadOnlyList<DeviceTotals> found = await ReadTotalsAsync("WHERE device_id = @device", deviceId, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken) =>
        ReadTotalsAsync(string.Empty, null, cancellationToken);

    /// <inheritdoc />
    public async Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT verdict, difficulty, judged_at_ms FROM ledger_shares WHERE device_id = @device AND job_id = @job AND nonce = @nonce;";
        command.Parameters.AddWithValue("@device", deviceId);
        command.Parameters.AddWithValue("@job", (long)jobId);
        command.Parameters.AddWithValue("@nonce", (long)nonce);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LedgerShare(deviceId, jobId, nonce, (Hashing.DeviceWork.DeviceVerdictCode)reader.GetInt32(0), reader.GetDouble(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
            : null;
    }

    /// <inheritdoc />
    public async Task WriteEnergyAsync(IReadOnlyList<FleetEnergyRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using SqliteConnection connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        using SqliteTransaction transaction = connection.BeginTransaction();
        using SqliteCommand upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO ledger_energy (device_id, day, instance, kwh, shares_accepted, expected_coins, energy_cost, earned, counter_kwh)
            VALUES (@device, @day, @instance, @kwh, @shares, @coins, @cost, @earned, @counter)
            ON CONFLICT (device_id, day, instance) DO UPDATE SET kwh = excluded.kwh, shares_accepted = excluded.shares_accepted,
                expected_coins = excluded.expected_coins, energy_cost = excluded.energy_cost, earned = excluded.earned, counter_kwh = excluded.counter_kwh;
            """;
        foreach (FleetEnergyRow row in rows)
        {
            upsert.Parameters.Clear();
            upsert.Parameters.AddWithValue("@device", row.Day.Device);
            upsert.Parameters.AddWithValue("@day", FleetEnergyDays.Text(row.Day.Day));
            upsert.Parameters.AddWithValue("@instance", (int)row.Instance);
            upsert.Parameters.AddWithValue("@kwh", row.Day.KilowattHours);
            upsert.Parameters.AddWithValue("@shares", row.Day.SharesAccepted);
            upsert.Parameters.AddWithValue("@coins", (object?)row.Day.ExpectedCoins ?? DBNull.Value);
            upsert.Parameters.AddWithValue("@cost", (object?)row.Day.EnergyCost ?? DBNull.Value);
            upsert.Parameters.AddWithValue("@earned", (object?)row.Day.Earned ?? DBNull.Value);
            upsert.Parameters.AddWithValue("@counter", (object?)row.CounterKwh ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FleetEnergyRow>> ReadEnergyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand query = connection.CreateCommand();
        query.CommandText = """
            SELECT device_id, day, instance, kwh, shares_accepted, expected_coins, energy_cost, earned, counter_kwh FROM ledger_energy
            WHERE day >= @from AND day <= @to ORDER BY day DESC, device_id, instance;
            """;
        query.Parameters.AddWithValue("@from", FleetEnergyDays.Text(from));
        query.Parameters.AddWithValue("@to", FleetEnergyDays.Text(to));
        await using SqliteDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<FleetEnergyRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var day = new Linux.Energy.EnergyDay(reader.GetString(0), FleetEnergyDays.Parse(reader.GetString(1)), reader.GetDouble(3), reader.GetInt64(4),
                Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7));
            rows.Add(new FleetEnergyRow((byte)reader.GetInt32(2), day, Nullable(reader, 8)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<int> PruneEnergyAsync(DateOnly oldestKept, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "DELETE FROM ledger_energy WHERE day < @oldest;";
        command.Parameters.AddWithValue("@oldest", FleetEnergyDays.Text(oldestKept));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeviceTotals>> ReadTotalsAsync(string where, string? deviceId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT device_id, shares, difficulty_sum, rejects, blocks, last_seen_ms FROM ledger_devices {where} ORDER BY device_id;";
        if (deviceId is not null)
        {
            command.Parameters.AddWithValue("@device", deviceId);
        }

        var totals = new List<DeviceTotals>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            totals.Add(new DeviceTotals(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetInt64(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return totals;
    }

    // A second writer beside the group commit's (pruning, start-up repair): SQLite serializes the two, each holding
    // the write lock for one short transaction; synchronous is per connection, so it is set here too.
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        Execute(connection, "PRAGMA synchronous=FULL;");
        return connection;
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    // One transaction per batch; runs on the group-commit writer only, so the writer connection has one user.
    private Task CommitAsync(IReadOnlyList<LedgerShare> shares, CancellationToken cancellationToken)
    {
        using SqliteTransaction transaction = _writer.BeginTransaction();
        using (SqliteCommand log = _writer.CreateCommand())
        {
            log.Transaction = transaction;
            log.CommandText = """
                INSERT INTO ledger_shares (device_id, job_id, nonce, verdict, difficulty, judged_at_ms)
                VALUES (@device, @job, @nonce, @verdict, @difficulty, @at)
                ON CONFLICT (device_id, job_id, nonce) DO UPDATE SET verdict = excluded.verdict, difficulty = excluded.difficulty, judged_at_ms = excluded.judged_at_ms
                WHERE (ledger_shares.verdict = 8 AND @resolves = 1) OR (ledger_shares.verdict NOT IN (0, 1, 8) AND excluded.verdict IN (0, 1, 8));
                """;
            SqliteParameter device = log.Parameters.Add("@device", SqliteType.Text);
            SqliteParameter job = log.Parameters.Add("@job", SqliteType.Integer);
            SqliteParameter nonce = log.Parameters.Add("@nonce", SqliteType.Integer);
            SqliteParameter verdict = log.Parameters.Add("@verdict", SqliteType.Integer);
            SqliteParameter difficulty = log.Parameters.Add("@difficulty", SqliteType.Real);
            SqliteParameter at = log.Parameters.Add("@at", SqliteType.Integer);
            SqliteParameter resolves = log.Parameters.Add("@resolves", SqliteType.Integer);
            foreach (LedgerShare share in shares)
            {
                device.Value = share.DeviceId;
                job.Value = (long)share.JobId;
                nonce.Value = (long)share.Nonce;
                verdict.Value = (int)share.Verdict;
                difficulty.Value = share.Difficulty;
                at.Value = share.JudgedAt.ToUnixTimeMilliseconds();
                resolves.Value = share.ResolvesPending ? 1 : 0;
                log.ExecuteNonQuery();
            }
        }

        using (SqliteCommand totals = _writer.CreateCommand())
        {
            totals.Transaction = transaction;
            totals.CommandText = """
                INSERT INTO ledger_devices (device_id, shares, difficulty_sum, rejects, blocks, last_seen_ms)
                VALUES (@device, @shares, @sum, @rejects, @blocks, @seen)
                ON CONFLICT (device_id) DO UPDATE SET
                    shares = ledger_devices.shares + excluded.shares,
                    difficulty_sum = ledger_devices.difficulty_sum + excluded.difficulty_sum,
                    rejects = ledger_devices.rejects + excluded.rejects,
                    blocks = ledger_devices.blocks + excluded.blocks,
                    last_seen_ms = MAX(ledger_devices.last_seen_ms, excluded.last_seen_ms);
                """;
            foreach (DeviceTotals increment in LedgerBatch.Increments(shares))
            {
                totals.Parameters.Clear();
                totals.Parameters.AddWithValue("@device", increment.DeviceId);
                totals.Parameters.AddWithValue("@shares", increment.Shares);
                totals.Parameters.AddWithValue("@sum", increment.DifficultySum);
                totals.Parameters.AddWithValue("@rejects", increment.Rejects);
                totals.Parameters.AddWithValue("@blocks", increment.Blocks);
                totals.Parameters.AddWithValue("@seen", increment.LastSeen.ToUnixTimeMilliseconds());
                totals.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    private static double? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
