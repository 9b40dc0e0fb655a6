using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Firmware.Duino
{
    /// <summary>
    /// Jobs from a Duino pool and the pool's verdicts on their results, for one generation of the mining loop: connects
    /// (again) with backoff, asks for jobs at the current tier with the chip temperature as IoT data, submits results
    /// with the measured hash rate, rig id and <c>DUCOID&lt;chip id&gt;</c>, and acts on the answers: a tier move on
    /// "Too low/high starting difficulty", a stop on a ban ("User banned", "Too many workers": no reconnect storm),
    /// every verdict counted.
    /// </summary>
    public sealed class DuinoJobSource
    {
        /// <summary>The miner name and version in every result line (the pools show it beside the worker).</summary>
        public static readonly string MinerName = "IotMinerAgent ESP32 " + DeviceMessages.Version;

        // The official miners wait 1 s after a failed connection and double it up to 32 s (PC_Miner.py, ESP_Code).
        private const long FirstBackoffMs = 1000;
        private const long LongestBackoffMs = 32000;

        private readonly DuinoPoolSession _session;
        private readonly DuinoSettings _settings;
        private readonly DuinoProgress _progress;
        private readonly IDuinoReports _reports;
        private readonly string _chipId;
        private readonly uint _walletId;
        private DuinoTier _tier;
        private long _nextAttemptMs;
        private long _backoffMs = FirstBackoffMs;

        /// <summary>A source over <paramref name="link"/> for the pool and account in <paramref name="settings"/>.</summary>
        public DuinoJobSource(ITcpLineLink link, DuinoSettings settings, DuinoProgress progress, IDuinoReports reports, string chipId, uint walletId)
        {
            _session = new DuinoPoolSession(link, settings.PoolHost, settings.PoolPort);
            _settings = settings;
            _progress = progress;
            _reports = reports;
            _chipId = chipId;
            _walletId = walletId;
            DuinoTier tier;
            _tier = DuinoTiers.TryFind(progress.Tier, out tier) ? tier : DuinoTiers.Esp32;
        }

        /// <summary>A job to hash, or null when there is none now (<see cref="DuinoProgress.WaitingFor"/> says why).</summary>
        public DuinoTask? Next(long nowMs)
        {
            if (nowMs < _nextAttemptMs)
            {
                return null;
            }

            if (!_session.IsOpen)
            {
                string greeting;
                if (!_session.Open(out greeting))
                {
                    return Retry(nowMs, greeting);
                }

                if (greeting.Length > 0)
                {
                    _reports.Notice("duino_protocol", greeting);
                }
            }

            string problem;
            DuinoFeedback? refusal;
            DuinoJob? job = _session.RequestJob(_settings.Username, _tier, _settings.MiningKey, IotData(), out refusal, out problem);
            if (refusal != null)
            {
                // A tier move is retried at once with the new tier; any other refusal waits, so a pool that refuses every
                // request is not asked ten times a second.
                return Refused(refusal.Reason, "a job request") ? null : Retry(nowMs, "the Duino pool refused a job request");
            }

            if (job == null)
            {
                _reports.Notice("duino_protocol", problem);
                return Retry(nowMs, problem);
            }

            _backoffMs = FirstBackoffMs;
            _progress.Working();
            return new DuinoTask(job, nowMs);
        }

        /// <summary>
        /// Submits <paramref name="nonce"/>, found at uptime <paramref name="foundMs"/>, and counts the verdict. The hash
        /// rate is the nonces 0..nonce hashed over the time since the job arrived (rests for the duty included, as the pool
        /// measures it from its side), truncated by the codec: never rounded up.
        /// </summary>
        public void Submit(DuinoTask task, uint nonce, long foundMs)
        {
            long elapsedMs = foundMs - task.ReceivedMs < 1 ? 1 : foundMs - task.ReceivedMs;
            double hashesPerSecond = ((double)nonce + 1) * 1000 / elapsedMs;
            string line = DuinoRequests.Submit(nonce, hashesPerSecond, MinerName, _settings.RigId, _chipId, _walletId);
            string problem;
            DuinoFeedback? feedback = _session.Submit(line, out problem);
            if (feedback == null)
            {
                _reports.Lost();
                _reports.Notice("duino_protocol", problem + "; the result for job " + task.Job.LastHash + " (nonce " + nonce.ToString() + ") got no verdict");
                Retry(foundMs, problem);
                return;
            }

            if (feedback.IsAccepted)
            {
                _reports.Judged(true);
                _progress.Waiting("asking the Duino pool for the next job");
                return;
            }

            _reports.Judged(false);
            if (feedback.Reason == DuinoBadReasons.IncorrectResult)
            {
                _reports.Notice("duino_rejected", "the Duino pool answered \"Incorrect result\" for nonce " + nonce.ToString() + " of job " +
                    task.Job.LastHash + "," + task.Job.ExpectedHash + "," + task.Job.Difficulty.ToString() + " (the board's own SHA-1 confirmed it)");
                _progress.Waiting("asking the Duino pool for the next job");
                return;
            }

            Refused(feedback.Reason, "a result");
        }

        /// <summary>The whole range was scanned without a solution: the pool's job was not what it claimed.</summary>
        public void Unsolved(DuinoTask task)
        {
            _reports.Notice("duino_protocol", "no nonce in 0.." + (task.Work.NonceCount - 1).ToString() + " solves job " + task.Job.LastHash + "," +
                task.Job.ExpectedHash + "," + task.Job.Difficulty.ToString() + "; asking for another");
            _progress.Waiting("asking the Duino pool for the next job");
        }

        /// <summary>Ends the connection (the loop stopped).</summary>
        public void Close()
        {
            _session.Close();
        }

        // True when the refusal moved the tier (retry at once); false for a stop or any other reason.
        private bool Refused(string reason, string what)
        {
            if (DuinoBadReasons.StopsMining(reason))
            {
                // Every further request would be refused too: stop instead of hammering the pool, and say so.
                _session.Close();
                string text = "stopped: the Duino pool refused " + what + " with \"" + reason + "\" for user " + _settings.Username +
                    "; mining stays off until the device restarts (check the account on the Duino-Coin wallet)";
                _progress.Stop(text);
                _reports.Notice("duino_stopped", text);
                return false;
            }

            DuinoTier moved = reason == DuinoBadReasons.TooLowStartingDifficulty ? DuinoTiers.Next(_tier)
                : reason == DuinoBadReasons.TooHighStartingDifficulty ? DuinoTiers.Previous(_tier) : _tier;
            if (moved != _tier)
            {
                _reports.Notice("duino_tier", "the Duino pool answered \"" + reason + "\" to tier " + _tier.Name + ": asking for " + moved.Name + " from now on");
                _tier = moved;
                _progress.Tier = moved.Name;
                _progress.Waiting("asking the Duino pool for a job at tier " + moved.Name);
                return true;
            }

            _reports.Notice("duino_rejected", "the Duino pool refused " + what + ": \"" + reason + "\"");
            _progress.Waiting("asking the Duino pool for the next job");
            return false;
        }

        private DuinoTask? Retry(long nowMs, string problem)
        {
            _progress.Waiting(problem + "; retrying in " + (_backoffMs / 1000).ToString() + " s");
            _nextAttemptMs = nowMs + _backoffMs;
            _backoffMs = _backoffMs * 2 > LongestBackoffMs ? LongestBackoffMs : _backoffMs * 2;
            return null;
        }

        // "Temp:48.2*C" from the governor's latest reading; nothing without a sensor (the field is optional).
        private string IotData()
        {
            int milliC;
            if (!_progress.TryGetTemperature(out milliC) || milliC <= -273150 || milliC >= 1000000)
            {
                return string.Empty;
            }

            return DuinoIotField.Temperature(milliC / 1000.0);
        }
    }
}
