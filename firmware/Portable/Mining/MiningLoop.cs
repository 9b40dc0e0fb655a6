using System.Collections;
using System.Threading;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// The hashing thread of a gateway device: hashes the gateway's device job in slices under the governor's duty
    /// (<see cref="SliceLoop"/>) and hands every share found to the sink.
    /// </summary>
    public sealed class MiningLoop : SliceLoop
    {
        private readonly ICpuPace _cpu;
        private readonly JobSlot _jobs;
        private readonly IShareSink _sink;
        private readonly HashRateMeter _meter;
        private readonly int _sliceNonces;
        private readonly ISliceHashEngine _engine;

        /// <summary>Creates the loop hashing sha256d with <paramref name="engine"/>; <see cref="SliceLoop.Start"/> runs it.</summary>
        public MiningLoop(IDeviceClock clock, ICpuPace cpu, JobSlot jobs, IShareSink sink, HashRateMeter meter, int sliceNonces, ISliceHashEngine engine)
            : base(clock)
        {
            _engine = engine;
            _cpu = cpu;
            _jobs = jobs;
            _sink = sink;
            _meter = meter;
            _sliceNonces = sliceNonces;
        }

        /// <inheritdoc />
        protected override void RunGeneration(int generation)
        {
            SliceScanner scanner = new SliceScanner(_engine);
            ArrayList found = new ArrayList();
            while (IsCurrent(generation))
            {
                MiningPermit permit = Beat(generation);
                uint first = 0;
                int count = 0;
                DeviceJob? job = permit.MayHash ? _jobs.Take(_sliceNonces, Clock.UptimeMs, out first, out count) : null;
                if (job == null)
                {
                    Thread.Sleep(IdleSleepMs);
                    continue;
                }

                long startMs = Clock.UptimeMs;
                found.Clear();
                scanner.Scan(job, first, count, found);
                _cpu.Hashed(count);
                if (!IsCurrent(generation))
                {
                    // Replaced while stalled: the new generation owns the shares from now on; this slice's are still real.
                    Deliver(found);
                    return;
                }

                long endMs = Clock.UptimeMs;
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
    }
}
