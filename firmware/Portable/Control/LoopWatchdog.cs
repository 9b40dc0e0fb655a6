using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Watches the mining loop's heartbeat: a loop silent for mining.watchdogSeconds is replaced by a new one, and a
    /// device whose loop keeps stalling reboots.
    /// </summary>
    internal sealed class LoopWatchdog
    {
        private const int RebootAfterLoopRestarts = 5;

        private readonly object _gate = new object();
        private readonly SliceLoop _loop;
        private readonly IDeviceRestart _restart;
        private readonly NoticeQueue _notices;
        private readonly string _deviceId;
        private readonly int _watchdogSeconds;
        private int _restarts;

        public LoopWatchdog(SliceLoop loop, IDeviceRestart restart, NoticeQueue notices, string deviceId, int watchdogSeconds)
        {
            _loop = loop;
            _restart = restart;
            _notices = notices;
            _deviceId = deviceId;
            _watchdogSeconds = watchdogSeconds;
        }

        /// <summary>Loop restarts since start.</summary>
        public int Restarts
        {
            get
            {
                lock (_gate)
                {
                    return _restarts;
                }
            }
        }

        /// <summary>Restarts a stalled loop and queues a notice saying so; false when the loop is alive (or not started).</summary>
        public bool Check(long now, bool loopStarted, string? time)
        {
            if (!loopStarted || now - _loop.HeartbeatMs < _watchdogSeconds * 1000L)
            {
                return false;
            }

            long stalledS = (now - _loop.HeartbeatMs) / 1000;
            _loop.Start();
            int restarts;
            lock (_gate)
            {
                restarts = ++_restarts;
            }

            _notices.Add(DeviceMessages.Notice(_deviceId, time, "watchdog",
                "mining loop stalled for " + stalledS.ToString() + " s (mining.watchdogSeconds = " + _watchdogSeconds.ToString() +
                "); started a new one (restart " + restarts.ToString() + ")"));
            if (restarts >= RebootAfterLoopRestarts)
            {
                _restart.Reboot("mining loop stalled " + restarts.ToString() + " times");
            }

            return true;
        }
    }
}
