using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Gateway.Ledger;

public sealed class SqliteDeviceLedgerTests : LedgerContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iotminer-ledger-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_ledger_is_in_WAL_mode_and_keeps_its_records_across_a_reopen()
    {
        string path = Path.Combine(_directory, "state", "ledger.db");
        await using (SqliteDeviceLedger first = SqliteDeviceLedger.Open(path, NullLogger.Instance))
        {
            await first.RecordAsync(new LedgerShare("esp-a", 1, 2, DeviceVerdictCode.Accepted, 0.5, DateTimeOffset.UnixEpoch), default);
        }

        await using SqliteDeviceLedger again = SqliteDeviceLedger.Open(path, NullLogger.Instance);
        Assert.Equal(1, (await again.GetTotalsAsync("esp-a", default))!.Shares);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_share_the_probe_reported_committed_survives_SIGKILL()
    {
        string path = Path.Combine(_directory, "ledger.db");
        using (LedgerProbeProcess probe = LedgerProbeProcess.Start(path, "probe-1", concurrency: 64))
        {
            await probe.WaitCommittedAsync(2000);
            probe.Kill();
            uint[] committed = probe.Committed.ToArray();

            await using SqliteDeviceLedger ledger = SqliteDeviceLedger.Open(path, NullLogger.Instance);
            DeviceTotals totals = (await ledger.GetTotalsAsync("probe-1", default))!;
            Assert.True(totals.Shares >= committed.Length, $"{totals.Shares} shares in the ledger, {committed.Length} reported committed");
            foreach (uint n in committed)
            {
                Assert.NotNull(await ledger.FindShareAsync("probe-1", n, n * 7, default));
            }
        }
    }

    protected override Task<IDeviceLedger> OpenAsync() =>
        Task.FromResult<IDeviceLedger>(SqliteDeviceLedger.Open(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), NullLogger.Instance));

    protected override Task<LedgerShare?> FindAsync(IDeviceLedger ledger, string deviceId, uint jobId, uint nonce) =>
        ((SqliteDeviceLedger)ledger).FindShareAsync(deviceId, jobId, nonce, default);
}
