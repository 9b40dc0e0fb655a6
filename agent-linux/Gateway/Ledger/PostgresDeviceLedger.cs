using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// The device ledger in PostgreSQL, for fleets that outgrow one machine: the same two tables as
/// <see cref="SqliteDeviceLedger"/>, and several gateways may share one database. Each batch is one transaction sent
/// as one round trip; device totals are incremented in place (<c>shares = shares + n</c>) in device-id order, so
/// concurrent gateways neither lose updates nor deadlock. The fleet's energy rows (<see cref="IFleetEnergyStore"/>) carry
/// the gateway instance in their key, so gateways sharing the database never overwrite each other's rows; the table is
/// created when missing, so a database of an older gateway gains it at the next start.
/// </summary>
public sealed class PostgresDeviceLedger : IDeviceLedger, IFleetEnergyStore
{
    private const int MaxBatch = 2048;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS ledger_devices (
            device_id TEXT PRIMARY KEY,
            shares BIGINT NOT NULL,
            difficulty_sum DOUBLE PRECISION NOT NULL,
            rejects BIGINT NOT NULL,
            blocks BIGINT NOT NULL,
            last_seen_ms BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ledger_shares (
            device_id TEXT NOT NULL,
            job_id BIGINT NOT NULL,
            nonce BIGINT NOT NULL,
            verdict SMALLINT NOT NULL,
            difficulty DOUBLE PRECISION NOT NULL,
            judged_at_ms BIGINT NOT NULL,
            PRIMARY KEY (device_id, job_id, nonce));
        CREATE INDEX IF NOT EXISTS ledger_shares_judged_at ON ledger_shares (judged_at_ms);
        CREATE TABLE IF NOT EXISTS ledger_energy (
            device_id TEXT NOT NULL,
            day DATE NOT NULL,
            instance SMALLINT NOT NULL,
            kwh DOUBLE PRECISION NOT NULL,
            shares_accepted BIGINT NOT NULL,
            expected_coins DOUBLE PRECISION,
            energy_cost DOUBLE PRECISION,
            earned DOUBLE PRECISION,
            counter_kwh DOUBLE PRECISION,
            PRIMARY KEY (device_id, day, instance));
        """;

    private const string InsertShare = """
        INSERT INTO ledger_shares (device_id, job_id, nonce, verdict, difficulty, judged_at_ms)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (device_id, job_id, nonce) DO UPDATE SET verdict = excluded.verdict, difficulty = excluded.difficulty, judged_at_ms = excluded.judged_at_ms
        WHERE (ledger_shares.verdict = 8 AND $7) OR (ledger_shares.verdict NOT IN (0, 1, 8) AND excluded.verdict IN (0, 1, 8))
        """;

    private const string AddTotals = """
        INSERT INTO ledger_devices (device_id, shares, difficulty_sum, rejects, blocks, last_seen_ms)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (device_id) DO UPDATE SET
            shares = ledger_devices.shares + excluded.shares,
            difficulty_sum = ledger_devices.difficulty_sum + excluded.difficulty_sum,
            rejects = ledger_devices.rejects + excluded.rejects,
            blocks = ledger_devices.blocks + excluded.blocks,
            last_seen_ms = GREATEST(ledger_devices.last_seen_ms, excluded.last_seen_ms)
        """;

    /// <summary>The most connections one gateway opens when the connection string sets no <c>Maximum Pool Size</c>.</summary>
    public const int DefaultMaxPoolSize = 16;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitQueue _queue;

    private PostgresDeviceLedger(NpgsqlDataSource dataSource, ILogger logger)
    {
        _dataSource = dataSource;
        _queue = new GroupCommitQueue(CommitAsync, MaxBatch, logger);
    }

    /// <summary>Connects to <paramref name="connectionString"/> (Npgsql form: Host=…;Database=…;Username=…) and creates the tables when missing.</summary>
    public static async Task<PostgresDeviceLedger> OpenAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(BoundedPool(connectionString));
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // Gateways starting together would race on CREATE TABLE IF NOT EXISTS; a transaction-scoped advisory lock serializes them.
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7310822); " + Schema, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresDeviceLedger(dataSource, logger);
    }

    // Npgsql's default pool allows 100 connections per gateway, PostgreSQL's default max_connections is 100 in all: two
    // gateways answering a burst of lookups at once ran the server out ("53300: sorry, too many clients already").
    // Unless the connection string says otherwise, a gateway opens at most DefaultMaxPoolSize and waits for a free one.
    private static string BoundedPool(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE")
            {
                return connectionString;
            }
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
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
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int abandoned;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command("""
                UPDATE ledger_devices SET rejects = rejects + p.n
                FROM (SELECT device_id, COUNT(*) AS n FROM ledger_shares WHERE verdict = 8 AND (job_id >> 24) = $1 GROUP BY device_id) p
                WHERE ledger_devices.device_id = p.device_id
                """, (long)instance));
            batch.BatchCommands.Add(Command("UPDATE ledger_shares SET verdict = 4 WHERE verdict = 8 AND (job_id >> 24) = $1", (long)instance));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            abandoned = batch.BatchCommands[1].RecordsAffected;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return abandoned;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            DELETE FROM ledger_shares WHERE ctid IN (
                SELECT ctid FROM ledger_shares WHERE judged_at_ms < $1 AND verdict <> 8 ORDER BY judged_at_ms LIMIT $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = judgedBefore.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter { Value = maxRows });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken)
    {
        IReadOnlyList<DeviceTotals> found = await ReadTotalsAsync("WHERE device_id = $1", deviceId, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken) =>
        ReadTotalsAsync(string.Empty, null, cancellationToken);

    /// <inheritdoc />
    public async Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            "SELECT verdict, difficulty, judged_at_ms FROM ledger_shares WHERE device_id = $1 AND job_id = $2 AND nonce = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = deviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)jobId });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)nonce });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LedgerShare(deviceId, jobId, nonce, (DeviceVerdictCode)reader.GetInt16(0), reader.GetDouble(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
            : null;
    }

    /// <inheritdoc />
    public async Task WriteEnergyAsync(IReadOnlyList<FleetEnergyRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (FleetEnergyRow row in rows)
            {
                batch.BatchCommands.Add(Command("""
                    INSERT INTO ledger_energy (device_id, day, instance, kwh, shares_accepted, expected_coins, energy_cost, earned, counter_kwh)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    ON CONFLICT (device_id, day, instance) DO UPDATE SET kwh = excluded.kwh, shares_accepted = excluded.shares_accepted,
                        expected_coins = excluded.expected_coins, energy_cost = excluded.energy_cost, earned = excluded.earned, counter_kwh = excluded.counter_kwh
                    """, row.Day.Device, row.Day.Day, (short)row.Instance, row.Day.KilowattHours, row.Day.SharesAccepted,
                    Nullable(row.Day.ExpectedCoins), Nullable(row.Day.EnergyCost), Nullable(row.Day.Earned), Nullable(row.CounterKwh)));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FleetEnergyRow>> ReadEnergyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            SELECT device_id, day, instance, kwh, shares_accepted, expected_coins, energy_cost, earned, counter_kwh FROM ledger_energy
            WHERE day >= $1 AND day <= $2 ORDER BY day DESC, device_id COLLATE "C", instance
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<FleetEnergyRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var day = new Linux.Energy.EnergyDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDouble(3), reader.GetInt64(4),
                Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7));
            rows.Add(new FleetEnergyRow((byte)reader.GetInt16(2), day, Nullable(reader, 8)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<int> PruneEnergyAsync(DateOnly oldestKept, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("DELETE FROM ledger_energy WHERE day < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = oldestKept });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeviceTotals>> ReadTotalsAsync(string where, string? deviceId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"SELECT device_id, shares, difficulty_sum, rejects, blocks, last_seen_ms FROM ledger_devices {where} ORDER BY device_id COLLATE \"C\"");
        if (deviceId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = deviceId });
        }

        var totals = new List<DeviceTotals>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            totals.Add(new DeviceTotals(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetInt64(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return totals;
    }

    private async Task CommitAsync(IReadOnlyList<LedgerShare> shares, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (LedgerShare share in shares)
            {
                batch.BatchCommands.Add(Command(InsertShare, share.DeviceId, (long)share.JobId, (long)share.Nonce, (short)share.Verdict, share.Difficulty, share.JudgedAt.ToUnixTimeMilliseconds(), share.ResolvesPending));
            }

            foreach (DeviceTotals increment in LedgerBatch.Increments(shares))
            {
                batch.BatchCommands.Add(Command(AddTotals, increment.DeviceId, increment.Shares, increment.DifficultySum, increment.Rejects, increment.Blocks, increment.LastSeen.ToUnixTimeMilliseconds()));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object Nullable(double? value) => value is double number ? number : DBNull.Value;

    private static double? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
