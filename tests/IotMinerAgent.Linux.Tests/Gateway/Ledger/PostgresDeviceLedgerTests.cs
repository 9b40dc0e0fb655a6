using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Tests.Gateway.Ledger;

public sealed class PostgresDeviceLedgerTests(PostgresServer server) : LedgerContractTests, IClassFixture<PostgresServer>
{
    private static int _databases;

    [Fact]
    public async Task Several_gateways_sharing_one_database_lose_no_update()
    {
        string database = await NewDatabaseAsync();
        PostgresDeviceLedger[] gateways = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            PostgresDeviceLedger.OpenAsync(server.ConnectionString(database), NullLogger.Instance, CancellationToken.None)));

        await Task.WhenAll(Enumerable.Range(0, 1500).Select(i => gateways[i % 3].RecordAsync(
            new LedgerShare($"esp-{i % 4}", (uint)((i % 3) << 24 | i), (uint)i, DeviceVerdictCode.Accepted, 1, DateTimeOffset.UnixEpoch.AddSeconds(i)), default)));

        var devices = await gateways[0].ListDevicesAsync(default);
        Assert.Equal(1500, devices.Sum(d => d.Shares));
        Assert.Equal([375L, 375L, 375L, 375L], devices.Select(d => d.Shares));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1499), devices.Max(d => d.LastSeen));
        foreach (PostgresDeviceLedger gateway in gateways)
        {
            await gateway.DisposeAsync();
        }
    }

    protected override async Task<IDeviceLedger> OpenAsync() =>
        await PostgresDeviceLedger.OpenAsync(server.ConnectionString(await NewDatabaseAsync()), NullLogger.Instance, CancellationToken.None);

    protected override Task<LedgerShare?> FindAsync(IDeviceLedger ledger, string deviceId, uint jobId, uint nonce) =>
        ((PostgresDeviceLedger)ledger).FindShareAsync(deviceId, jobId, nonce, default);

    private async Task<string> NewDatabaseAsync()
    {
        string name = $"ledger_{Interlocked.Increment(ref _databases)}";
        await server.CreateDatabaseAsync(name);
        return name;
    }
}
