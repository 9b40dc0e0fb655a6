using System;
using System.Collections;
using System.Threading;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// The hashing thread, at the lowest priority so the product's own threads and the network stack always come
    /// first. It hashes the job in slices, sleeps between slices for the part of each period the duty leaves free,
    /// and beats a heartbeat the controller's watchdog checks. A restarted loop gets a new generation: an old thread
    /// that wakes up after a stall sees it was replaced and ends without touching anything.
    /// </summary>
    public sealed class MiningLoop
    {
        private const int IdleSleepMs = 100;
        private const int LongestSleepMs = 200;

        private readonly object _gate = new object();
        private readonly IDeviceClock _clock;
        private readonly ICpuPace _cpu;
        private readonly JobSlot _jobs;
        private readonly IShareSink _sink;
        private readonly HashRateMeter _meter;
        private readonly int _sliceNonces;
        private readonly ISliceHashEngine _engine;
        private MiningPermit _permit = new MiningPermit(false, 0);
        private int _generation;
        private bool _running;
        private long _heartbeatMs;

        /// <summary>Creates the loop hashing sha256d with <paramref name="engine"/>; <see cref="Start"/> runs it.</summary>
        public MiningLoop(IDeviceClock clock, ICpuPace cpu, JobSlot jobs, IShareSink sink, HashRateMeter meter, int sliceNonces, ISliceHashEngine engine)
        {
            _engine = engine;
            _clock = clock;
            _cpu = cpu;
            _jobs = jobs;
            _sink = sink;
            _meter = meter;
            _sliceNonces = sliceNonces;
        }

        /// <summary>The latest heartbeat (uptime ms); the watchdog compares it with the clock.</summary>
        public long HeartbeatMs
        {
            get
            {
                lock (_gate)
                {
                    return _heartbeatMs;
                }
            }
        }

        /// <summary>Sets what the loop may do from now on.</summary>
        public void SetPermit(MiningPermit permit)
        {
            lock (_gate)
            {
                _permit = permit;
            }
        }

        /// <summary>Starts a new generation of the hashing thread (also used by the watchdog to replace a stalled one).</summary>
        public void Start()
        {
            int generation;
            lock (_gate)
            {
                _running = true;
                _generation++;
                generation = _generation;
                _heartbeatMs = _clock.UptimeMs;
            }

            Thread thread = new Thread(new LoopRunner(this, generation).Run);
            thread.Priority = ThreadPriority.Lowest;
            thread.Start();
        }

        /// <summary>Ends the loop after the current slice.</summary>
        public void Stop()
        {
            lock (_gate)
            {
                _running = false;
                _generation++;
            }
        }

        private bool IsCurrent(int generation)
        {
            lock (_gate)
            {
                return _running && _generation == generation;
            }
        }

        private MiningPermit Beat(int generation)
        {
            lock (_gate)
            {
                if (_generation == generation)
                {
                    _heartbeatMs = _clock.UptimeMs;
                }

                return _permit;
            }
        }

        private void RunGeneration(int generation)
        {
            SliceScanner scanner = new SliceScanner(_engine);
            ArrayList found = new ArrayList();
            while (IsCurrent(generation))
            {
                MiningPermit permit = Beat(generation);
                uint first = 0;
                int count = 0;
                DeviceJob? job = permit.MayHash ? _jobs.Take(_sliceNonces, _clock.UptimeMs, out first, out count) : null;
                if (job == null)
                {
                    Thread.Sleep(IdleSleepMs);
                    continue;
                }

                long startMs = _clock.UptimeMs;
                found.Clear();
                scanner.Scan(job, first, count, found);
                _cpu.Hashed(count);
                if (!IsCurrent(generation))
                {
                    // Replaced while stalled: the new generation owns the shares from now on; this slice's are still real.
                    Deliver(found);
                    return;
                }

                long endMs = _clock.UptimeMs;
                _meter.Add(count, endMs);
                Deliver(found);
                RestForDuty(generation, endMs - startMs, permit.DutyPercent);
            }
        }

        private void Deliver(ArrayList found)
        {
            for (int i = 0; i < found.Count; i++)
            {
                _sink.Found((FoundShare)found[i]!);
            }
        }

        // Duty d means hashing d % of the time: after a slice of t ms, rest t × (100 − d) / d ms.
        private void RestForDuty(int generation, long sliceMs, int dutyPercent)
        {
            if (dutyPercent >= 100)
            {
                Thread.Sleep(0);
                return;
            }

            long restMs = sliceMs * (100 - dutyPercent) / (dutyPercent < 1 ? 1 : dutyPercent);
            while (restMs > 0 && IsCurrent(generation))
            {
                int step = restMs > LongestSleepMs ? LongestSleepMs : (int)restMs;
                Thread.Sleep(step);
                restMs -= step;
                Beat(generation);
            }
        }

        // A named class instead of a lambda capturing the generation: plain delegates to instance methods are what
        // nanoFramework's ThreadStart is sure to handle.
        private sealed class LoopRunner
        {
            private readonly MiningLoop _loop;
            private readonly int _generation;

            public LoopRunner(MiningLoop loop, int generation)
            {
                _loop = loop;
                _generation = generation;
            }

            public void Run()
            {
                _loop.RunGeneration(_generation);
            }
        }
    }
}
