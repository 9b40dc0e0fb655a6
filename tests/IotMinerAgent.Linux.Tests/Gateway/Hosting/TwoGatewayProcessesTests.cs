using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Gateway.Ledger;
using IotMinerAgent.Linux.Tests.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.StratumTestPool;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// Two real <c>iotminer gateway</c> processes on one mosquitto and one PostgreSQL ledger, one of them SIGKILLed
/// between two rounds of shares and restarted: every share gets exactly one verdict across both, the ledger has one
/// row per share, and the device totals add up to the shares sent.
/// </summary>
public sealed class TwoGatewayProcessesTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    const int Devices = 200;
    readonly string _state = Directory.CreateTempSubdirectory("iotminer-two-gw-").FullName;

    [Fact]
    public async Task A_gateway_killed_and_restarted_mid_run_leaves_every_share_judged_once_and_counted_once()
    {
        await postgres.CreateDatabaseAsync("two_gateways");
        string database = postgres.ConnectionString("two_gateways");
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        // Pool difficulty 1: no device share (difficulty ≤ 1e-6) meets it, so every verdict is the gateway's own.
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 1 });
        Dictionary<string, string> Settings(byte instance) => new()
        {
            // Two gateways (and other tests) on one machine: no dashboard, whose fixed port only one could hold.
            ["api:enabled"] = "false",
            ["mqtt:host"] = "127.0.0.1",
            ["mqtt:port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["mqtt:reconnectMinSeconds"] = "0.1",
            ["mqtt:reconnectMaxSeconds"] = "0.5",
            ["gateway:instance"] = instance.ToString(CultureInfo.InvariantCulture),
            ["gateway:stratum:pools:0:url"] = pool.Url,
            ["gateway:stratum:pools:0:user"] = "bc1qgatewaypayout.gw" + instance,
            ["gateway:ledger:postgres"] = database,
            ["gateway:minDifficulty"] = "0.0000001",
            // A device reporting no hash rate gets gateway:minNonceCount nonces. At difficulty 1e-7 a share takes
            // 2^32 × 1e-7 ≈ 429.5 hashes, so the default 4096 holds ≈ 9.5 shares on average and some slices fewer than
            // four (pair-136's 4096 nonces from 278528 hold two, every run: the test pool's template is fixed). 65536
            // hold ≈ 152.6; Poisson P(fewer than 4) ≈ e^-152.6 × 152.6³/6 ≈ 1e-60.
            ["gateway:minNonceCount"] = "65536",
            ["gateway:maxDifficulty"] = "0.000001",
            ["gateway:maxSharesPerSecond"] = "1000",
            ["gateway:shareBurst"] = "1000",
        };

        using GatewayProcess two = GatewayProcess.Start(Path.Combine(_state, "gw2"), Settings(2));
        GatewayProcess one = GatewayProcess.Start(Path.Combine(_state, "gw1"), Settings(1));
        try
        {
            await pool.WaitUntilAsync(() => pool.OpenConnections == 2, "both gateways at the pool", seconds: 120);
            string availabilityOne = new GatewayTopics(1, GatewayTopics.DefaultGroup).Availability;
            string availabilityTwo = new GatewayTopics(2, GatewayTopics.DefaultGroup).Availability;
            await using TestSubscriber availability = await TestSubscriber.ConnectAsync(broker.Port, [availabilityOne, availabilityTwo]);
            await availability.WaitForAsync(m => m.Topic == availabilityOne && m.Payload == "online", "gateway 1 online", seconds: 120);
            await availability.WaitForAsync(m => m.Topic == availabilityTwo && m.Payload == "online", "gateway 2 online", seconds: 120);
            var devices = new List<SimulatedDevice>();
            foreach (int[] batch in Enumerable.Range(0, Devices).Chunk(50))
            {
                devices.AddRange(await Task.WhenAll(batch.Select(i => SimulatedDevice.ConnectAsync("127.0.0.1", broker.Port, $"pair-{i:D3}"))));
            }

            // Round one: each device asks for work and sends two shares; every verdict is in before the kill.
            var nonces = new Dictionary<SimulatedDevice, List<uint>>();
            await Task.WhenAll(devices.Select(async d =>
            {
                await d.RequestWorkAsync();
                DeviceJob job = await d.WaitForJobAsync(seconds: 60);
                List<uint> found = SimulatedDevice.FindNonces(job, 4);
                // Four shares are sent, so the slice must hold four; otherwise the device has nothing to send in round two.
                Assert.True(found.Count == 4, $"{d.DeviceId}: only {found.Count} shares in its {job.NonceCount} nonces from {job.FirstNonce}; raise gateway:minNonceCount");
                lock (nonces)
                {
                    nonces[d] = found;
                }

                foreach (uint nonce in found.Take(2))
                {
                    await d.SendShareAsync(new DeviceShare(job.JobId, nonce));
                }

                await d.WaitForVerdictCountAsync(2, seconds: 60);
            }));
            Assert.Equal([1u, 2u], devices.Select(d => d.Jobs[0].JobId >> 24).Distinct().Order());

            // Gateway 1 dies without a word; once the broker has noticed (its will, offline), round two is sent while
            // it is down, then it comes back.
            int before = availability.Messages.Count;
            one.Kill();
            await availability.WaitForAsync(m => m.Topic == availabilityOne && m.Payload == "offline", "gateway 1's will", since: before, seconds: 60);
            await Task.WhenAll(devices.Select(d => Task.WhenAll(nonces[d].Skip(2).Select(n => d.SendShareAsync(new DeviceShare(d.Jobs[0].JobId, n))))));
            one.Dispose();
            one = GatewayProcess.Start(Path.Combine(_state, "gw1"), Settings(1));
            await Task.WhenAll(devices.Select(d => d.WaitForVerdictCountAsync(4, seconds: 120)));
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate verdict to show up

            foreach (SimulatedDevice device in devices)
            {
                // Exactly one verdict per share: round one's accepted, round two's judged by whichever gateway held it.
                Assert.Equal(4, device.Verdicts.Count);
                Assert.Equal(nonces[device].Order(), device.Verdicts.Select(v => v.Verdict.Nonce).Order());
                Assert.All(device.Verdicts.Take(2), v => Assert.True(v.Verdict.IsAccepted, $"{device.DeviceId}: {v.Verdict.Code} {v.Verdict.Reason}"));
            }

            await using var ledger = await PostgresDeviceLedger.OpenAsync(database, NullLogger.Instance, CancellationToken.None);
            IReadOnlyList<DeviceTotals> totals = await ledger.ListDevicesAsync(CancellationToken.None);
            Assert.Equal(Devices, totals.Count);
            Assert.All(totals, t => Assert.Equal(4, t.Shares + t.Rejects));
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var rows = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT (device_id, job_id, nonce)) FROM ledger_shares", connection);
            await using NpgsqlDataReader reader = await rows.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((4L * Devices, 4L * Devices), (reader.GetInt64(0), reader.GetInt64(1)));

            foreach (SimulatedDevice device in devices)
            {
                await device.DisposeAsync();
            }
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{exception.Message}\n--- gateway 1 ---\n{Tail(one.Output)}\n--- gateway 2 ---\n{Tail(two.Output)}", exception);
        }
        finally
        {
            one.Dispose();
        }
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
