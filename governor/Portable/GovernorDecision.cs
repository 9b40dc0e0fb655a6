using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// What the miner may do until the next decision: <see cref="Threads"/> workers, each hashing for
    /// <see cref="DutyPercent"/> of every time slice, plus the state and a reason the owner can read.
    /// The overall load is Threads × DutyPercent / <see cref="GovernorPolicy.Threads"/>.
    /// </summary>
    public sealed class GovernorDecision
    {
        private readonly GovernorState _state;
        private readonly int _dutyPercent;
        private readonly int _threads;
        private readonly string _reason;
        private readonly bool _hasTemperature;
        private readonly int _temperatureMilliC;
        private readonly int _loadPercent;

        /// <summary>Creates a decision whose overall load is <paramref name="loadPercent"/> of all the policy's threads.</summary>
        public GovernorDecision(GovernorState state, int dutyPercent, int threads, string reason, bool hasTemperature, int temperatureMilliC, int loadPercent)
        {
            _loadPercent = loadPercent;
            _state = state;
            _dutyPercent = dutyPercent;
            _threads = threads;
            _reason = reason;
            _hasTemperature = hasTemperature;
            _temperatureMilliC = temperatureMilliC;
        }

        /// <summary>Mining, throttled or paused.</summary>
        public GovernorState State
        {
            get { return _state; }
        }

        /// <summary>The state as lower-case text ("mining", "throttled", "paused"); enums print as numbers on nanoFramework.</summary>
        public string StateText
        {
            get
            {
                if (_state == GovernorState.Mining)
                {
                    return "mining";
                }

                return _state == GovernorState.Throttled ? "throttled" : "paused";
            }
        }

        /// <summary>Share of each time slice every running worker may hash, 0..100 (0 when paused).</summary>
        public int DutyPercent
        {
            get { return _dutyPercent; }
        }

        /// <summary>
        /// The overall load, 0..100: the share of full speed on all the policy's threads, which is what the owner's
        /// max duty, the no-sensor duty and the status's duty mean. 25 % of two threads runs one worker at 50 %:
        /// <see cref="DutyPercent"/> is then 50 and this 25.
        /// </summary>
        public int LoadPercent
        {
            get { return _loadPercent; }
        }

        /// <summary>Workers that may run (0 when paused).</summary>
        public int Threads
        {
            get { return _threads; }
        }

        /// <summary>Why, e.g. "throttled: 71.2 °C > target 70 °C" or "paused: device busy".</summary>
        public string Reason
        {
            get { return _reason; }
        }

        /// <summary>False when there was no plausible temperature reading (never reported as 0 °C).</summary>
        public bool HasTemperature
        {
            get { return _hasTemperature; }
        }

        /// <summary>The temperature the decision was based on, milli-°C; only meaningful with <see cref="HasTemperature"/>.</summary>
        public int TemperatureMilliC
        {
            get { return _temperatureMilliC; }
        }
    }
}
