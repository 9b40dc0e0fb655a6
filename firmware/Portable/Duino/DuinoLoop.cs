using System;
using System.Threading;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Duino
{
    /// <summary>
    /// The hashing thread of a Duino board: takes jobs from the pool (<see cref="DuinoJobSource"/>), scans
    /// 0..100·difficulty with the slice engine in slices under the governor's duty, exactly like the gateway mode's
    /// <see cref="MiningLoop"/>, and submits the solution. The pool's network round trips run on this thread too (as in
    /// the official ESP32 miner): each is bounded by <see cref="DuinoPoolSession.AnswerTimeoutMs"/>, so keep
    /// <c>mining.watchdogSeconds</c> above it.
    /// </summary>
    public sealed class DuinoLoop : SliceLoop
    {
        private readonly ICpuPace _cpu;
        private readonly HashRateMeter _meter;
        private readonly int _sliceNonces;
        private readonly ISliceHashEngine _engine;
        private readonly ITcpLineLink _link;
        private readonly DuinoSettings _settings;
        private readonly DuinoProgress _progress;
        private readonly IDuinoReports _reports;
        private readonly string _chipId;
        private readonly uint _walletId;

        /// <summary>Creates the loop; <see cref="SliceLoop.Start"/> runs it.</summary>
        public DuinoLoop(DeviceHardware hardware, HashRateMeter meter, int sliceNonces, ISliceHashEngine engine, DuinoSettings settings, DuinoProgress progress, IDuinoReports reports)
            : base(hardware.Clock)
        {
            if (hardware.PoolLink == null)
            {
                throw new ArgumentException("Duino mode needs DeviceHardware.PoolLink (a TCP line link to the pool).", "hardware");
            }

            _cpu = hardware.Cpu;
            _link = hardware.PoolLink;
            _chipId = hardware.ChipId;
            _meter = meter;
            _sliceNonces = sliceNonces;
            _engine = engine;
            _settings = settings;
            _progress = progress;
            _reports = reports;

            // The official ESP32 miner sends a random wallet id per boot (ESP_Code: random(0, 2811)).
            _walletId = (uint)new Random().Next(2812);
        }

        /// <inheritdoc />
        protected override void RunGeneration(int generation)
        {
            // Per generation: a loop the watchdog replaced starts on a new connection, never on the stalled one's state.
            DuinoJobSource source = new DuinoJobSource(_link, _settings, _progress, _reports, _chipId, _walletId);
            SliceScanner scanner = new SliceScanner(_engine);
            NonceHits hits = new NonceHits();
            DuinoTask? task = null;
            while (IsCurrent(generation))
            {
                MiningPermit permit = Beat(generation);
                if (!permit.MayHash || _progress.StopReason.Length > 0)
                {
                    Thread.Sleep(IdleSleepMs);
                    continue;
                }

                if (task == null)
                {
                    task = source.Next(Clock.UptimeMs);
                    if (task == null)
                    {
                        Pause(generation, IdleSleepMs);
                        continue;
                    }
                }

                long startMs = Clock.UptimeMs;
                int count;
                uint first = task.TakeSlice(_sliceNonces, out count);
                hits.Clear();
                scanner.ScanDucoS1(task.Work, first, count, hits);
                _cpu.Hashed(count);
                if (!IsCurrent(generation))
                {
                    // Replaced while stalled: the connection now belongs to the new generation.
                    return;
                }

                long endMs = Clock.UptimeMs;
                _meter.Add(count, endMs);
                if (hits.Count > 0)
                {
                    source.Submit(task, hits[0], endMs);
                    task = null;
                }
                else if (task.IsExhausted)
                {
                    source.Unsolved(task);
                    task = null;
                }

                RestForDuty(generation, endMs - startMs, permit.DutyPercent);
            }

            if (IsStopped())
            {
                source.Close();
            }
        }

        private bool IsStopped()
        {
            // Stopped, not replaced: no newer generation uses the link, so it may be closed.
            return !IsRunning;
        }
    }
}
