using System.Threading;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// The hashing thread's frame, whatever the work (gateway device jobs, a Duino pool): a thread at the lowest priority
    /// so the product's own threads and the network stack always come first, the permit the controller sets, the
    /// heartbeat its watchdog checks, and the rest after each slice that holds the governor's duty. A restarted loop gets
    /// a new generation: an old thread that wakes up after a stall sees it was replaced and ends without touching anything.
    /// </summary>
    public abstract class SliceLoop
    {
        /// <summary>How long a loop without permission or work waits before it looks again.</summary>
        protected const int IdleSleepMs = 100;

        private const int LongestSleepMs = 200;

        private readonly object _gate = new object();
        private readonly IDeviceClock _clock;
        private MiningPermit _permit = new MiningPermit(false, 0);
        private int _generation;
        private bool _running;
        private long _heartbeatMs;

        /// <summary>A loop timed by <paramref name="clock"/>.</summary>
        protected SliceLoop(IDeviceClock clock)
        {
            _clock = clock;
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

        /// <summary>The clock the loop beats and measures with.</summary>
        protected IDeviceClock Clock
        {
            get { return _clock; }
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

        /// <summary>The body of one generation: loops while <see cref="IsCurrent"/>.</summary>
        protected abstract void RunGeneration(int generation);

        /// <summary>True while <paramref name="generation"/> is the running one.</summary>
        protected bool IsCurrent(int generation)
        {
            lock (_gate)
            {
                return _running && _generation == generation;
            }
        }

        /// <summary>False once <see cref="Stop"/> was called (a replaced generation still sees true).</summary>
        protected bool IsRunning
        {
            get
            {
                lock (_gate)
                {
                    return _running;
                }
            }
        }

        /// <summary>Beats the heartbeat (only the current generation's count) and returns the permit in force.</summary>
        protected MiningPermit Beat(int generation)
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

        /// <summary>
        /// Duty d means hashing d % of the time: after a slice of t ms, rest t × (100 − d) / d ms, beating meanwhile.
        /// </summary>
        protected void RestForDuty(int generation, long sliceMs, int dutyPercent)
        {
            if (dutyPercent >= 100)
            {
                Thread.Sleep(0);
                return;
            }

            long restMs = sliceMs * (100 - dutyPercent) / (dutyPercent < 1 ? 1 : dutyPercent);
            Pause(generation, restMs);
        }

        /// <summary>Sleeps <paramref name="ms"/> in steps, beating, and stops early when replaced.</summary>
        protected void Pause(int generation, long ms)
        {
            while (ms > 0 && IsCurrent(generation))
            {
                int step = ms > LongestSleepMs ? LongestSleepMs : (int)ms;
                Thread.Sleep(step);
                ms -= step;
                Beat(generation);
            }
        }

        // A named class instead of a lambda capturing the generation: plain delegates to instance methods are what
        // nanoFramework's ThreadStart is sure to handle.
        private sealed class LoopRunner
        {
            private readonly SliceLoop _loop;
            private readonly int _generation;

            public LoopRunner(SliceLoop loop, int generation)
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
