using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IotMinerAgent.Linux.Tests.Gateway.Ledger;

/// <summary>
/// Judging's view of the ledger waits out a database that refuses connections (PostgreSQL's 53300, what two gateways
/// with Npgsql's default pools once got) and records the share when it is back; other failures are not retried.
/// </summary>
public sealed class RetryingDeviceLedgerTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_record_waits_while_the_database_refuses_connections_and_is_committed_once_it_accepts_them()
    {
        // Without pooling every record opens a connection, so the role's connection limit refuses each try.
        string gateway = await DatabaseForRoleAsync("refused") + ";Pooling=false";
        await using PostgresDeviceLedger inner = await PostgresDeviceLedger.OpenAsync(gateway, NullLogger.Instance, CancellationToken.None);
        var ledger = new RetryingDeviceLedger(inner, NullLogger.Instance);
        var share = new LedgerShare("esp-a", 0x01_00_00_07, 42, DeviceVerdictCode.Accepted, 1e-6, DateTimeOffset.UtcNow);

        await AsSuperuserAsync("ALTER ROLE refused CONNECTION LIMIT 0");
        Task record = ledger.RecordAsync(share, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(record.IsCompleted, record.Exception?.ToString() ?? "completed while every connection was refused");

        await AsSuperuserAsync("ALTER ROLE refused CONNECTION LIMIT -1");
        await record.WaitAsync(TimeSpan.FromSeconds(30));

        LedgerShare? stored = await inner.FindShareAsync("esp-a", share.JobId, 42, CancellationToken.None);
        Assert.Equal(DeviceVerdictCode.Accepted, stored?.Verdict);
        Assert.Equal(1, (await inner.GetTotalsAsync("esp-a", CancellationToken.None))?.Shares);
    }

    [Fact]
    public async Task Stopping_the_gateway_ends_the_wait()
    {
        string gateway = await DatabaseForRoleAsync("stopping") + ";Pooling=false";
        await using PostgresDeviceLedger inner = await PostgresDeviceLedger.OpenAsync(gateway, NullLogger.Instance, CancellationToken.None);
        var ledger = new RetryingDeviceLedger(inner, NullLogger.Instance);
        await AsSuperuserAsync("ALTER ROLE stopping CONNECTION LIMIT 0");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        Task<LedgerShare?> lookup = ledger.FindShareAsync("esp-a", 1, 2, stop.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_failure_that_is_not_passing_is_thrown_at_once()
    {
        var broken = new FailingLedger(new InvalidOperationException("a bug"));
        var ledger = new RetryingDeviceLedger(broken, NullLogger.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.RecordAsync(new LedgerShare("esp-a", 1, 2, DeviceVerdictCode.Accepted, 1e-6, DateTimeOffset.UtcNow), CancellationToken.None));
        Assert.Equal(1, broken.Calls);
    }

    private async Task<string> DatabaseForRoleAsync(string role)
    {
        await AsSuperuserAsync($"CREATE ROLE {role} LOGIN");
        await AsSuperuserAsync($"CREATE DATABASE {role} OWNER {role}");
        return postgres.ConnectionString(role).Replace("Username=postgres", "Username=" + role, StringComparison.Ordinal);
    }

    private async Task AsSuperuserAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FailingLedger(Exception error) : IDeviceLedger
    {
        public int Calls { get; private set; }

        public Task RecordAsync(LedgerShare share, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromException(error);
        }

        public Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken) => Task.FromException<LedgerShare?>(error);

        public Task<int> AbandonPendingAsync(byte instance, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken) => Task.FromResult<DeviceTotals?>(null);

        public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeviceTotals>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
