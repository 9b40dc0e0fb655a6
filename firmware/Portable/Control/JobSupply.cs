using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// The job side of the device contract (docs/mqtt.md): takes jobs from the gateway into the job slot, retires a
    /// job that ran out or went stale, and asks for work when the device has none.
    /// </summary>
    internal sealed class JobSupply
    {
        private const long WorkRequestRetryMs = 30000;

        private readonly JobSlot _jobs;
        private readonly IMqttLink _mqtt;
        private readonly DeviceTopics _topics;
        private readonly string[] _algorithms;
        private readonly HashRateMeter _meter;
        private long _nextWorkRequestMs;

        public JobSupply(JobSlot jobs, IMqttLink mqtt, DeviceTopics topics, string[] algorithms, HashRateMeter meter)
        {
            _jobs = jobs;
            _mqtt = mqtt;
            _topics = topics;
            _algorithms = algorithms;
            _meter = meter;
        }

        /// <summary>The job being mined, or null.</summary>
        public DeviceJob? Current
        {
            get { return _jobs.Current; }
        }

        /// <summary>Asks for work at the next chance, not after the retry pause.</summary>
        public void AskNow(long now)
        {
            _nextWorkRequestMs = now;
        }

        /// <summary>Decodes and installs a job; returns why it was refused, or null when it now is the current job.</summary>
        public string? Accept(byte[] payload, long now)
        {
            DeviceJob job;
            try
            {
                job = DeviceJob.Decode(payload);
            }
            catch (DeviceMessageException exception)
            {
                return exception.Message;
            }

            if (!Wants(job.Algorithm))
            {
                return "job " + DeviceMessages.Hex8(job.JobId) + " is " + job.Algorithm + ", which this device did not ask for (mining.algorithms)";
            }

            _jobs.Replace(job, now);
            return null;
        }

        /// <summary>
        /// A verdict said the job is gone (stale or unknown to the gateway): when it is the current job, drop it and
        /// ask for a new one. docs/mqtt.md: stale means "drop it", unknown job means "wait for a new one".
        /// </summary>
        public void Gone(uint jobId, long now)
        {
            DeviceJob? current = _jobs.Current;
            if (current != null && current.JobId == jobId)
            {
                _jobs.Clear();
                _nextWorkRequestMs = now;
            }
        }

        /// <summary>Retires the job when it runs out.</summary>
        public void Retire(long now)
        {
            if (_jobs.IsExpired(now) || _jobs.IsExhausted)
            {
                // docs/mqtt.md: a device asks for work "when its job runs out (range scanned or lifetime over)".
                _jobs.Clear();
                _nextWorkRequestMs = now;
            }
        }

        /// <summary>Publishes a work request when the device wants work, has no job, and the retry pause is over.</summary>
        public void RequestIfDue(long now, bool wantsWork)
        {
            if (!wantsWork || _jobs.Current != null || now < _nextWorkRequestMs)
            {
                return;
            }

            string request = DeviceMessages.WorkRequest(_algorithms, _meter.TenthsPerSecond(now));
            if (_mqtt.Publish(_topics.WorkRequest, Text.Utf8.GetBytes(request), false))
            {
                // docs/mqtt.md: ask again every 30 s while without a job.
                _nextWorkRequestMs = now + WorkRequestRetryMs;
            }
        }

        private bool Wants(string algorithm)
        {
            for (int i = 0; i < _algorithms.Length; i++)
            {
                if (_algorithms[i] == algorithm)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
