using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The energy ledger's SQLite file in the state directory: one row per device per local day, replaced in place
/// (the caller writes at most once an hour, for SD-card wear), rows older than <see cref="RetentionDays"/> removed.
/// </summary>
/// <remarks>
/// WAL with <c>synchronous=NORMAL</c>: a power cut may lose the last hour's update, which the next write replaces
/// anyway; a full fsync per write buys nothing here (sqlite.org/pragma.html#pragma_synchronous).
/// </remarks>
public sealed class EnergyLedgerStore : IDisposable
{
    /// <summary>File name inside the state directory.</summary>
    public const string FileName = "energy-ledger.db";

    /// <summary>Days kept: a year and a month, enough for any monthly or yearly comparison.</summary>
    public const int RetentionDays = 400;

    private const string DayFormat = "yyyy-MM-dd";
    private readonly SqliteConnection _connection;
    private readonly object _gate = new();
    private int _reads;

    private EnergyLedgerStore(SqliteConnection connection) => _connection = connection;

    /// <summary>How many times rows were read (tests check that a metrics scrape reads none).</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Path of the database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating when needed) the ledger in <paramref name="stateDirectory"/>.</summary>
    public static EnergyLedgerStore Open(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        string path = System.IO.Path.Combine(stateDirectory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA synchronous=NORMAL;");
            Execute(connection, "PRAGMA busy_timeout=5000;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS energy_day (
                    device TEXT NOT NULL, day TEXT NOT NULL, kwh REAL NOT NULL, shares_accepted INTEGER NOT NULL,
                    expected_coins REAL, energy_cost REAL, earned REAL, PRIMARY KEY (device, day));
                """);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new EnergyLedgerStore(connection);
    }

    /// <summary>Writes (inserts or replaces) <paramref name="day"/> and removes rows past retention.</summary>
    public void Write(EnergyDay day)
    {
        lock (_gate)
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            using (SqliteCommand upsert = _connection.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO energy_day (device, day, kwh, shares_accepted, expected_coins, energy_cost, earned)
                    VALUES ($device, $day, $kwh, $shares, $coins, $cost, $earned)
                    ON CONFLICT (device, day) DO UPDATE SET kwh = excluded.kwh, shares_accepted = excluded.shares_accepted,
                        expected_coins = excluded.expected_coins, energy_cost = excluded.energy_cost, earned = excluded.earned;
                    """;
                upsert.Parameters.AddWithValue("$device", day.Device);
                upsert.Parameters.AddWithValue("$day", Text(day.Day));
                upsert.Parameters.AddWithValue("$kwh", day.KilowattHours);
                upsert.Parameters.AddWithValue("$shares", day.SharesAccepted);
                upsert.Parameters.AddWithValue("$coins", (object?)day.ExpectedCoins ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$cost", (object?)day.EnergyCost ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$earned", (object?)day.Earned ?? DBNull.Value);
                upsert.ExecuteNonQuery();
            }

            using (SqliteCommand prune = _connection.CreateCommand())
            {
                prune.Transaction = transaction;
                prune.CommandText = "DELETE FROM energy_day WHERE day < $oldest;";
                prune.Parameters.AddWithValue("$oldest", Text(day.Day.AddDays(-RetentionDays + 1)));
                prune.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The rows of <paramref name="device"/> from <paramref name="from"/> to <paramref name="to"/> (inclusive), newest first.</summary>
    public IReadOnlyList<EnergyDay> Days(string device, DateOnly from, DateOnly to)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _reads);
            using SqliteCommand query = _connection.CreateCommand();
            query.CommandText = """
                SELECT day, kwh, shares_accepted, expected_coins, energy_cost, earned FROM energy_day
                WHERE device = $device AND day >= $from AND day <= $to ORDER BY day DESC;
                """;
            query.Parameters.AddWithValue("$device", device);
            query.Parameters.AddWithValue("$from", Text(from));
            query.Parameters.AddWithValue("$to", Text(to));
            using SqliteDataReader reader = query.ExecuteReader();
            var days = new List<EnergyDay>();
            while (reader.Read())
            {
                days.Add(new EnergyDay(device, DateOnly.ParseExact(reader.GetString(0), DayFormat, CultureInfo.InvariantCulture), reader.GetDouble(1),
                    reader.GetInt64(2), Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5)));
            }

            return days;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static double? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    private static string Text(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
