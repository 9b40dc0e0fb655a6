namespace IotMinerAgent.Firmware.Duino
{
    /// <summary>
    /// What the Duino loop (mining thread) and the controller (control thread) tell each other: the pool, the tier in
    /// use, whether a job is in hand, why there is none, a stop the pool forced, and the latest chip temperature for the
    /// job request's IoT field. Every member is locked: the two threads read and write it.
    /// </summary>
    public sealed class DuinoProgress
    {
        private readonly object _gate = new object();
        private readonly string _pool;
        private string _tier;
        private bool _hasJob;
        private string _waitingFor = "connecting to the Duino pool";
        private string _stopReason = string.Empty;
        private bool _hasTemperature;
        private int _temperatureMilliC;

        /// <summary>Progress for the pool <paramref name="host"/>:<paramref name="port"/>, starting at <paramref name="tier"/>.</summary>
        public DuinoProgress(string host, int port, string tier)
        {
            _pool = host + ":" + port.ToString();
            _tier = tier;
        }

        /// <summary>The pool as the status reports it, <c>host:port</c> (docs/mqtt.md <c>pool</c>: a Duino-Coin node).</summary>
        public string Pool
        {
            get { return _pool; }
        }

        /// <summary>The tier the next job request names.</summary>
        public string Tier
        {
            get
            {
                lock (_gate)
                {
                    return _tier;
                }
            }

            set
            {
                lock (_gate)
                {
                    _tier = value;
                }
            }
        }

        /// <summary>True while a job is being hashed.</summary>
        public bool HasJob
        {
            get
            {
                lock (_gate)
                {
                    return _hasJob;
                }
            }
        }

        /// <summary>Why there is no job (for the status reason); meaningful while <see cref="HasJob"/> is false.</summary>
        public string WaitingFor
        {
            get
            {
                lock (_gate)
                {
                    return _waitingFor;
                }
            }
        }

        /// <summary>Non-empty once the pool refused all further work (a ban): mining stays stopped until restart.</summary>
        public string StopReason
        {
            get
            {
                lock (_gate)
                {
                    return _stopReason;
                }
            }
        }

        /// <summary>A job is in hand.</summary>
        public void Working()
        {
            lock (_gate)
            {
                _hasJob = true;
            }
        }

        /// <summary>No job, because of <paramref name="reason"/>.</summary>
        public void Waiting(string reason)
        {
            lock (_gate)
            {
                _hasJob = false;
                _waitingFor = reason;
            }
        }

        /// <summary>The pool refused all further work: stop, and say why.</summary>
        public void Stop(string reason)
        {
            lock (_gate)
            {
                _hasJob = false;
                _stopReason = reason;
            }
        }

        /// <summary>The controller's latest reading (calibrated), or none.</summary>
        public void SetTemperature(bool hasTemperature, int milliC)
        {
            lock (_gate)
            {
                _hasTemperature = hasTemperature;
                _temperatureMilliC = milliC;
            }
        }

        /// <summary>True with the latest reading in <paramref name="milliC"/>; false without a sensor reading.</summary>
        public bool TryGetTemperature(out int milliC)
        {
            lock (_gate)
            {
                milliC = _temperatureMilliC;
                return _hasTemperature;
            }
        }
    }
}
