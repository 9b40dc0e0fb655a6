using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Tests.Stratum;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Gateway.Upstream;

/// <summary>
/// The whole gateway core against the in-process pool, which recomputes every share from its own job data
/// (extranonce1/2, version bits): StratumUpstream + FleetDispatcher + simulated devices that hash their jobs with the
/// portable device reference and send what they find.
/// </summary>
public class FleetOnTestPoolTests
{
    [Fact]
    public async Task Every_device_share_that_meets_the_pool_target_reaches_the_pool_once_and_is_accepted()
    {
        await using TestPool pool = TestPool.Start();
        await using var fleet = new FleetOnPool(pool, devices: 3);

        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 12, "12 accepted pool shares from the devices");
        await fleet.StopDevicesAsync();

        Target poolTarget = Target.FromPoolDifficulty(Difficulty.Parse(pool.Options.Difficulty.ToString("R", CultureInfo.InvariantCulture)), Algorithms.Sha256d);
        var meetingPool = fleet.Shares.Where(s => poolTarget.IsMetBy(s.Hash)).ToList();
        Assert.All(meetingPool, s => Assert.Equal(
            s.NetworkTarget.IsMetBy(s.Hash) ? (DeviceVerdictCode.BlockFound, "meets the network target") : (DeviceVerdictCode.Accepted, "accepted upstream"),
            (s.Verdict.Code, s.Verdict.Reason)));

        // The devices start easier than the pool (gateway:minDifficulty 1e-6 < 5e-6): some shares are only counted here.
        Assert.NotEmpty(fleet.Shares.Except(meetingPool));
        Assert.All(fleet.Shares.Except(meetingPool), s => Assert.Equal((DeviceVerdictCode.Accepted, string.Empty), (s.Verdict.Code, s.Verdict.Reason)));
        Assert.Equal(meetingPool.Count, pool.Submissions.Count);
        Assert.All(pool.Submissions, s => Assert.True(s.Accepted, s.ErrorMessage));
        Assert.Equal(pool.Submissions.Count, pool.Submissions.Select(s => s.Key).Distinct().Count());
        Assert.Equal(meetingPool.Select(s => s.Nonce).Order(), pool.Accepted.Select(s => uint.Parse(s.Nonce, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(3, fleet.Shares.Select(s => s.Device).Distinct().Count());
        Assert.Empty(pool.ProtocolErrors);
        Assert.Contains(pool.Accepted, s => s.VersionBits is { } bits && bits != "00000000");
        Assert.Empty(fleet.Logger.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning));
        foreach (var device in fleet.Shares.GroupBy(s => s.Device))
        {
            DeviceTotals totals = (await fleet.Ledger.GetTotalsAsync(device.Key, default))!;
            Assert.Equal((device.Count(), 0L), (totals.Shares, totals.Rejects));
            Assert.Equal(device.Count(s => s.Verdict.Code == DeviceVerdictCode.BlockFound), totals.Blocks);
        }
    }

    [Fact]
    public async Task After_a_difficulty_change_and_a_clean_job_no_header_is_handed_out_twice_and_old_shares_are_stale()
    {
        await using TestPool pool = TestPool.Start();
        await using var fleet = new FleetOnPool(pool, devices: 2);
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 4, "4 accepted shares on the first job");

        await pool.SetDifficultyAsync(0.00001);
        int before = pool.Accepted.Count;
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= before + 6, "6 more accepted shares on the same job at the new difficulty");
        string clean = await pool.SendJobAsync(clean: true);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == clean) >= 4, "4 accepted shares on the clean job");
        await fleet.StopDevicesAsync();

        // A share of the old job may cross the clean notify on the wire: the pool calls it stale, nothing else.
        Assert.All(pool.Submissions, s => Assert.True(s.Accepted || (s.ErrorCode == 21 && s.JobId != clean), s.ErrorMessage));
        Assert.Equal(pool.Submissions.Count, pool.Submissions.Select(s => s.Key).Distinct().Count());
        Assert.Contains(pool.Accepted, s => s.Extranonce2 != "00000000" && s.JobId != clean);
        Assert.All(fleet.Shares, s => Assert.Contains(s.Verdict.Code, new[] { DeviceVerdictCode.Accepted, DeviceVerdictCode.BlockFound, DeviceVerdictCode.RejectedStale }));
        Assert.Empty(pool.ProtocolErrors);
    }

    private sealed record JudgedShare(string Device, uint Nonce, byte[] Hash, Target NetworkTarget, DeviceVerdict Verdict);

    /// <summary>The gateway core on a pool, with devices that mine their jobs.</summary>
    private sealed class FleetOnPool : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationTokenSource _stopDevices = new();
        private readonly StratumUpstream _upstream;
        private readonly FleetDispatcher _dispatcher;
        private readonly Task _run;
        private readonly Task _devices;
        private readonly ConcurrentQueue<JudgedShare> _shares = new();
        private readonly System.IO.DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("iotminer-fleet-");

        public FleetOnPool(TestPool pool, int devices)
        {
            var stratum = new StratumClientOptions
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ResponseTimeout = TimeSpan.FromSeconds(10),
                BackoffInitial = TimeSpan.FromMilliseconds(100),
                BackoffMax = TimeSpan.FromMilliseconds(400),
                Pools = { new StratumPoolOptions { Url = pool.Url, User = "gateway.fleet", Password = "x" } },
            };
            var options = new FleetOptions { Instance = 3, MinDifficulty = 1e-6, MinNonceCount = 1 << 16, MaxSharesPerSecond = 1000, ShareBurst = 1000 };
            _upstream = new StratumUpstream(stratum, Logger);
            Ledger = SqliteDeviceLedger.Open(System.IO.Path.Combine(_directory.FullName, "ledger.db"), Logger);
            _dispatcher = new FleetDispatcher(_upstream, Ledger, options, TimeProvider.System, Logger);
            _run = _dispatcher.RunAsync(_stop.Token);
            var inboxes = Enumerable.Range(0, devices).ToDictionary(i => $"esp-{i}", _ => Channel.CreateUnbounded<DeviceJob>());
            _devices = Task.WhenAll(inboxes.Select(d => Task.Run(() => MineAsync(d.Key, d.Value.Reader, _stopDevices.Token))).Append(RouteAsync(inboxes)));
        }

        public CapturingLogger Logger { get; } = new();

        public SqliteDeviceLedger Ledger { get; }

        public IReadOnlyList<JudgedShare> Shares => _shares.ToList();

        public async Task StopDevicesAsync()
        {
            await _stopDevices.CancelAsync();
            await _devices;
        }

        public async ValueTask DisposeAsync()
        {
            await StopDevicesAsync();
            await _stop.CancelAsync();
            await _run;
            await _upstream.DisposeAsync();
            await Ledger.DisposeAsync();
            _directory.Delete(recursive: true);
        }

        private async Task RouteAsync(Dictionary<string, Channel<DeviceJob>> inboxes)
        {
            try
            {
                await foreach (DeviceAssignment assignment in _dispatcher.Assignments.ReadAllAsync(_stopDevices.Token))
                {
                    inboxes[assignment.DeviceId].Writer.TryWrite(assignment.Job);
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        }

        // A device: asks for work, hashes its newest job nonce by nonce, sends every hit, asks again when the range is done.
        private async Task MineAsync(string device, ChannelReader<DeviceJob> inbox, CancellationToken stop)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    // esp-0 claims to be fast, so it gets whole work units and the pool sees rolled version bits.
                    _dispatcher.RequestWork(device, new WorkRequest([Algorithms.Sha256d], device == "esp-0" ? 1e8 : 0));
                    DeviceJob job = await inbox.ReadAsync(stop);
                    while (job is not null && !stop.IsCancellationRequested)
                    {
                        job = await ScanAsync(device, job, inbox, stop);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        }

        // Scans until the range ends (null: ask again) or a newer job arrives (returned).
        private async Task<DeviceJob> ScanAsync(string device, DeviceJob job, ChannelReader<DeviceJob> inbox, CancellationToken stop)
        {
            for (ulong i = 0; i < job.NonceCount; i++)
            {
                if ((i & 1023) == 0)
                {
                    stop.ThrowIfCancellationRequested();
                    if (inbox.TryRead(out DeviceJob? newer))
                    {
                        return newer;
                    }
                }

                uint nonce = (uint)(job.FirstNonce + i);
                byte[] hash = job.HashSha256d(nonce);
                if (job.Target.IsMetBy(hash))
                {
                    // Not cancelled with the device: a share sent is judged to the end, as over MQTT.
                    DeviceVerdict verdict = await _dispatcher.JudgeAsync(device, new DeviceShare(job.JobId, nonce), CancellationToken.None);
                    _shares.Enqueue(new JudgedShare(device, nonce, hash, Target.FromCompact(BitConverter.ToUInt32(job.GetTail(), 8)), verdict));
                    if (verdict.Code == DeviceVerdictCode.RejectedStale)
                    {
                        return null!;
                    }
                }
            }

            return null!;
        }
    }
}
