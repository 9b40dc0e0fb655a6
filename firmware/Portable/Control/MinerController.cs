using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Duino;
using IotMinerAgent.Firmware.Energy;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// The firmware's control loop, one <see cref="Tick"/> every few hundred milliseconds on its own thread: handles
    /// received messages, keeps Wi-Fi and MQTT up, decides what the mining loop may do (consent, owner pause, free
    /// heap, the thermal governor), moves shares out of the outbox, asks for work, publishes status and watches the
    /// mining loop. All the MQTT publishing happens here, never on the MQTT client's receive thread. Each of those
    /// jobs is its own class; this one holds the owner's switches (consent, busy) and runs them in order. In Duino mode
    /// (a <c>duino</c> section) the mining loop takes its jobs from the pool itself; the controller then keeps Wi-Fi up,
    /// governs, counts the pool's verdicts and reports over MQTT only when a broker is configured.
    /// </summary>
    internal sealed class MinerController : IMqttMessageSink, IShareSink, IDuinoReports
    {
        private readonly object _gate = new object();
        private readonly FirmwareConfig _config;
        private readonly DeviceHardware _hw;
        private readonly DeviceTopics _topics;
        private readonly ShareOutbox _outbox;
        private readonly HashRateMeter _meter = new HashRateMeter();
        private readonly ShareId _shareIds = new ShareId();
        private readonly SliceLoop _loop;
        private readonly DuinoProgress? _duino;
        private readonly MessageInbox _inbox = new MessageInbox();
        private readonly NoticeQueue _notices = new NoticeQueue();
        private readonly ShareTally _tally = new ShareTally();
        private readonly BrokerSession _broker;
        private readonly SharePump _pump;
        private readonly JobSupply _work;
        private readonly OwnerCommands _commands;
        private readonly EnergyFeed _energy;
        private readonly PermitDecider _permits;
        private readonly StatusPublisher _statusPublisher;
        private readonly LoopWatchdog _watchdog;
        private readonly long _startMs;
        private readonly string _engineName;
        private readonly string _engineRejections;

        private MinerStatus _status = new MinerStatus();
        private bool _consent;
        private bool _busy;
        private long _idleSinceMs;
        private bool _loopStarted;

        public MinerController(FirmwareConfig config, DeviceHardware hardware, GovernorPolicy policy)
        {
            _config = config;
            _hw = hardware;
            _topics = new DeviceTopics(config.DeviceId);
            _outbox = new ShareOutbox(config.OutboxCapacity);
            _consent = config.Consent;
            _startMs = hardware.Clock.UptimeMs;
            _idleSinceMs = _startMs;

            // Once, at start: a native engine the image lacks fails its self-test here and the managed one hashes.
            string rejected;
            ISliceHashEngine engine = SliceEngineChoice.Pick(hardware.HashEngines, out rejected);
            _engineName = engine.Name;
            _engineRejections = rejected;
            JobSlot jobs = new JobSlot();
            if (config.Duino != null)
            {
                _duino = new DuinoProgress(config.Duino.PoolHost, config.Duino.PoolPort, config.Duino.Difficulty);
                _loop = new DuinoLoop(hardware, _meter, config.SliceNonces, engine, config.Duino, _duino, this);
            }
            else
            {
                _loop = new MiningLoop(hardware.Clock, hardware.Cpu, jobs, this, _meter, config.SliceNonces, engine);
            }

            _energy = new EnergyFeed(config.Energy);
            _broker = new BrokerSession(hardware, _topics, config, _energy.Topics);
            _pump = new SharePump(_outbox, hardware.Mqtt, _topics, config.DeviceId);
            _work = new JobSupply(jobs, hardware.Mqtt, _topics, config.Algorithms, _meter);
            _commands = new OwnerCommands(config.DeviceId, policy, new EnergyGovernor(config.EnergyPolicy));
            _permits = new PermitDecider(config, hardware, _energy);
            _statusPublisher = new StatusPublisher(hardware.Mqtt, _topics, config, _startMs);
            _watchdog = new LoopWatchdog(_loop, hardware.Restart, _notices, config.DeviceId, config.WatchdogSeconds);
            hardware.Mqtt.SetReceiver(this);
        }

        /// <summary>The latest snapshot.</summary>
        public MinerStatus Status
        {
            get
            {
                lock (_gate)
                {
                    return _status;
                }
            }
        }

        public void SetConsent(bool consent)
        {
            lock (_gate)
            {
                _consent = consent;
            }
        }

        public bool Consent
        {
            get
            {
                lock (_gate)
                {
                    return _consent;
                }
            }
        }

        public void SetBusy(bool busy)
        {
            lock (_gate)
            {
                if (_busy && !busy)
                {
                    _idleSinceMs = _hw.Clock.UptimeMs;
                }

                _busy = busy;
            }
        }

        /// <summary>Starts the mining thread (the controller thread is the caller's).</summary>
        public void StartLoop()
        {
            _loopStarted = true;
            _loop.Start();
        }

        /// <summary>One round of control.</summary>
        public void Tick()
        {
            long now = _hw.Clock.UptimeMs;
            bool cameUp;
            bool connected = _broker.EnsureConnected(now, out cameUp);
            if (cameUp)
            {
                _pump.SessionStarted(now);
                _work.AskNow(now);
                _statusPublisher.MarkDue();
            }

            HandleInbox(now);
            _work.Retire(now);
            UpdatePermit(now);
            if (_watchdog.Check(now, _loopStarted, TimeText()))
            {
                _statusPublisher.MarkDue();
            }

            if (connected)
            {
                _pump.Pump(now);
                _notices.PublishAll(_hw.Mqtt, _topics.Event);
                bool wantsWork;
                lock (_gate)
                {
                    // A Duino board's loop asks the pool itself: no gateway work requests.
                    wantsWork = _consent && !_commands.Paused && _loopStarted && _duino == null;
                }

                _work.RequestIfDue(now, wantsWork);
                _statusPublisher.PublishIfDue(now, Status, TimeText());
            }
        }

        /// <summary>Stops mining and says goodbye: status paused, availability offline, disconnect.</summary>
        public void Shutdown()
        {
            _loop.Stop();
            _loopStarted = false;
            _loop.SetPermit(new MiningPermit(false, 0));
            MinerStatus status;
            lock (_gate)
            {
                _status.State = "paused";
                _status.Reason = "paused: stopped by the device";
                _status.MiningEnabled = false;
                _status.DutyPercent = 0;
                status = _status;
            }

            if (_hw.Mqtt.IsConnected)
            {
                _statusPublisher.Publish(status, TimeText());
                _broker.SayGoodbye();
            }
        }

        /// <summary>Called on the mining thread for every share found.</summary>
        public void Found(FoundShare share)
        {
            long unixMs = _hw.Clock.IsWallClockSet ? ShareId.UnixMs(_hw.Clock.UtcNow) : _hw.Clock.UptimeMs;
            OutboxEntry entry = new OutboxEntry(share, _shareIds.Next(unixMs), TimeText());
            bool kept = _outbox.TryAdd(entry);
            int dropped = _tally.CountFound(kept);
            if (!kept)
            {
                _notices.Add(DeviceMessages.Notice(_config.DeviceId, TimeText(), "outbox_full",
                    "share outbox full (" + _outbox.Capacity.ToString() + " shares waiting for the broker or the gateway): share of job " +
                    DeviceMessages.Hex8(share.Job.JobId) + " nonce " + DeviceMessages.Hex8(share.Nonce) + " was dropped; " +
                    dropped.ToString() + " dropped since start. Check the broker and gateway, or raise mining.outboxCapacity."));
            }
        }

        /// <summary>Called on the mining thread: the pool judged a result.</summary>
        public void Judged(bool accepted)
        {
            _tally.CountPoolVerdict(accepted);
            _statusPublisher.MarkDue();
        }

        /// <summary>Called on the mining thread: a result found got no verdict (the connection dropped).</summary>
        public void Lost()
        {
            _tally.CountFound(false);
        }

        /// <summary>Called on the mining thread: queued, published by the controller thread when a broker is up.</summary>
        public void Notice(string type, string message)
        {
            _notices.Add(DeviceMessages.Notice(_config.DeviceId, TimeText(), type, message));
        }

        /// <summary>Called on the MQTT client's thread: only queue, the controller thread does the work.</summary>
        public void OnMessage(string topic, byte[] payload, bool retained)
        {
            _inbox.Add(topic, payload, retained);
        }

        private void HandleInbox(long now)
        {
            ReceivedMessage? message;
            while ((message = _inbox.Take()) != null)
            {
                if (message.Topic == _topics.Work)
                {
                    HandleJob(message.Payload, now);
                }
                else if (message.Topic == _topics.Verdict)
                {
                    HandleVerdict(message.Payload, now);
                }
                else if (message.Topic.Length > _topics.CommandPrefix.Length && message.Topic.Substring(0, _topics.CommandPrefix.Length) == _topics.CommandPrefix)
                {
                    _notices.Add(_commands.Handle(message.Topic.Substring(_topics.CommandPrefix.Length), message.Payload, message.Retained, TimeText()));
                    _statusPublisher.MarkDue();
                }
                else
                {
                    // An energy reading (price, surplus, …): the next decision, this tick, uses it.
                    _energy.Accept(message.Topic, message.Payload, now);
                }
            }
        }

        private void HandleJob(byte[] payload, long now)
        {
            string? error = _work.Accept(payload, now);
            if (error != null)
            {
                _notices.Add(DeviceMessages.Notice(_config.DeviceId, TimeText(), "job_error", error));
                return;
            }

            _pump.JobArrived(now);
        }

        private void HandleVerdict(byte[] payload, long now)
        {
            DeviceVerdict verdict;
            try
            {
                verdict = DeviceVerdict.Decode(payload);
            }
            catch (DeviceMessageException exception)
            {
                _notices.Add(DeviceMessages.Notice(_config.DeviceId, TimeText(), "verdict_error", exception.Message));
                return;
            }

            if (verdict.IsPending)
            {
                if (_pump.HoldPending(verdict, now))
                {
                    _tally.CountPending();
                }

                return;
            }

            OutboxEntry? entry = _pump.Judge(verdict, now);
            if (entry == null)
            {
                return;
            }

            _tally.CountVerdict(entry);
            if (verdict.Code == DeviceVerdictCode.RejectedStale || verdict.Code == DeviceVerdictCode.RejectedUnknownJob)
            {
                _work.Gone(verdict.JobId, now);
            }
        }

        private void UpdatePermit(long now)
        {
            bool loopStarted;
            bool consent;
            bool busy;
            long idleForMs;
            MinerStatus previous;
            lock (_gate)
            {
                loopStarted = _loopStarted;
                consent = _consent;
                busy = _busy;
                idleForMs = now - _idleSinceMs;
                previous = _status;
            }

            DeviceJob? job = _work.Current;
            MinerStatus status = new MinerStatus();
            _loop.SetPermit(_permits.Decide(now, loopStarted, consent, busy, idleForMs, _commands, WaitingFor(job), status));
            status.MiningEnabled = !_commands.Paused && loopStarted;
            status.Consent = consent;
            status.Algorithm = _duino != null ? Algorithms.DucoS1 : job == null ? previous.Algorithm : job.Algorithm;
            if (_duino != null)
            {
                ReportDuino(_duino, status);
            }

            status.Engine = _engineName;
            status.EngineRejections = _engineRejections;
            status.HashRateTenths = _meter.TenthsPerSecond(now);
            _tally.CopyTo(status);
            status.OutboxCount = _outbox.Count;
            status.LoopRestarts = _watchdog.Restarts;
            status.UptimeSeconds = (now - _startMs) / 1000;
            status.WifiConnected = _hw.Wifi.IsConnected;
            status.MqttConnected = _hw.Mqtt.IsConnected;
            lock (_gate)
            {
                _status = status;
            }
        }

        // Null while there is work to hash; else why not, for the status reason.
        private string? WaitingFor(DeviceJob? job)
        {
            if (_duino != null)
            {
                return _duino.HasJob ? null : _duino.WaitingFor;
            }

            if (job != null)
            {
                return null;
            }

            return _hw.Mqtt.IsConnected ? "waiting for a job from the gateway" : "waiting for the broker (Wi-Fi " + (_hw.Wifi.IsConnected ? "up" : "down") + ")";
        }

        // The pool and tier in the status; a pool's ban is an error that stops mining until restart.
        private static void ReportDuino(DuinoProgress duino, MinerStatus status)
        {
            duino.SetTemperature(status.HasTemperature, status.TemperatureMilliC);
            status.Pool = duino.Pool;
            status.DuinoTier = duino.Tier;
            string stop = duino.StopReason;
            if (stop.Length > 0)
            {
                status.State = "error";
                status.Reason = stop;
                status.DutyPercent = 0;
            }
        }

        private string? TimeText()
        {
            return _hw.Clock.IsWallClockSet ? IsoTime.Format(_hw.Clock.UtcNow) : null;
        }
    }
}
