using System;
using System.Collections;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// The firmware's control loop, one <see cref="Tick"/> every few hundred milliseconds on its own thread: handles
    /// received messages, keeps Wi-Fi and MQTT up, decides what the mining loop may do (consent, owner pause, free
    /// heap, the thermal governor), moves shares out of the outbox, asks for work, publishes status and watches the
    /// mining loop. All the MQTT publishing happens here, never on the MQTT client's receive thread.
    /// </summary>
    internal sealed partial class MinerController : IMqttMessageSink, IShareSink
    {
        private const long WorkRequestRetryMs = 30000;
        // A gateway answers in milliseconds, or after at most its upstream timeout (gateway:upstream_timeout_s, 30 s by
        // default); a share without a verdict for longer was lost on the way (a broker restart, no gateway subscribed)
        // and is sent again. Sooner would race the gateway's own answer and turn an accepted share into a duplicate.
        private const long VerdictWaitMs = 45000;

        // On a new job, shares waiting longer than this for their verdict are sent again (see HandleJob).
        private const long JobResendAfterMs = 2000;

        // Shares published but not yet judged: a backlog found offline goes out in small steps, so it never overflows
        // the gateway's per-device queue (which answers rejected-rate-limited) or the broker's in-flight window.
        private const int MaxSharesInFlight = 8;

        // A rate-limited share is sent again after this pause (the gateway did not check it).
        private const long RateLimitedRetryMs = 1000;
        private const long LowHeapRebootMs = 60000;
        private const int RebootAfterLoopRestarts = 5;
        private const int MaxPendingNotices = 8;

        private readonly object _gate = new object();
        private readonly FirmwareConfig _config;
        private readonly DeviceHardware _hw;
        private readonly DeviceTopics _topics;
        private readonly JobSlot _jobs = new JobSlot();
        private readonly ShareOutbox _outbox;
        private readonly HashRateMeter _meter = new HashRateMeter();
        private readonly ShareId _shareIds = new ShareId();
        private readonly MiningLoop _loop;
        private readonly ArrayList _inbox = new ArrayList();
        private readonly ArrayList _notices = new ArrayList();
        private readonly long _startMs;
        private readonly string _engineName;
        private readonly string _engineRejections;

        private GovernorPolicy _policy;
        private ThermalGovernor _governor;
        private MinerStatus _status = new MinerStatus();
        private bool _consent;
        private bool _commandPaused;
        private bool _busy;
        private long _idleSinceMs;
        private bool _loopStarted;
        private int _found;
        private int _dropped;
        private int _accepted;
        private int _rejected;
        private int _stale;
        private int _loopRestarts;
        private Difficulty _best;
        private long _lowHeapSinceMs = -1;

        public MinerController(FirmwareConfig config, DeviceHardware hardware, GovernorPolicy policy)
        {
            _config = config;
            _hw = hardware;
            _topics = new DeviceTopics(config.DeviceId);
            _outbox = new ShareOutbox(config.OutboxCapacity);
            _policy = policy;
            _governor = new ThermalGovernor(policy);
            _consent = config.Consent;
            _startMs = hardware.Clock.UptimeMs;
            _idleSinceMs = _startMs;
            _nextStatusMs = _startMs;
            // Once, at start: a native engine the image lacks fails its self-test here and the managed one hashes.
            string rejected;
            ISliceHashEngine engine = SliceEngineChoice.Pick(hardware.HashEngines, out rejected);
            _engineName = engine.Name;
            _engineRejections = rejected;
            _loop = new MiningLoop(hardware.Clock, hardware.Cpu, _jobs, this, _meter, config.SliceNonces, engine);
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
            bool connected = EnsureConnected(now);
            HandleInbox(now);
            RetireJob(now);
            UpdatePermit(now);
            Watch(now);
            if (connected)
            {
                PumpOutbox(now);
                PublishNotices();
                RequestWorkIfDue(now);
                PublishStatusIfDue(now);
            }
        }

        /// <summary>Stops mining and says goodbye: status paused, availability offline, disconnect.</summary>
        public void Shutdown()
        {
            _loop.Stop();
            _loopStarted = false;
            _loop.SetPermit(new MiningPermit(false, 0));
            lock (_gate)
            {
                _status.State = "paused";
                _status.Reason = "paused: stopped by the device";
                _status.MiningEnabled = false;
                _status.DutyPercent = 0;
            }

            if (_hw.Mqtt.IsConnected)
            {
                PublishStatus(_hw.Clock.UptimeMs);
                _hw.Mqtt.Publish(_topics.Availability, Utf8("offline"), true);
                _hw.Mqtt.Disconnect();
            }
        }

        /// <summary>Called on the mining thread for every share found.</summary>
        public void Found(FoundShare share)
        {
            long unixMs = _hw.Clock.IsWallClockSet ? ShareId.UnixMs(_hw.Clock.UtcNow) : _hw.Clock.UptimeMs;
            OutboxEntry entry = new OutboxEntry(share, _shareIds.Next(unixMs), TimeText());
            bool kept = _outbox.TryAdd(entry);
            lock (_gate)
            {
                _found++;
                if (!kept)
                {
                    _dropped++;
                }
            }

            if (!kept)
            {
                AddNotice(DeviceMessages.Notice(_config.DeviceId, TimeText(), "outbox_full",
                    "share outbox full (" + _outbox.Capacity.ToString() + " shares waiting for the broker or the gateway): share of job " +
                    DeviceMessages.Hex8(share.Job.JobId) + " nonce " + DeviceMessages.Hex8(share.Nonce) + " was dropped; " +
                    _dropped.ToString() + " dropped since start. Check the broker and gateway, or raise mining.outboxCapacity."));
            }
        }

        private void RetireJob(long now)
        {
            if (_jobs.IsExpired(now) || _jobs.IsExhausted)
            {
                // docs/mqtt.md: a device asks for work "when its job runs out (range scanned or lifetime over)".
                _jobs.Clear();
                _nextWorkRequestMs = now;
            }
        }

        private void Watch(long now)
        {
            if (!_loopStarted || now - _loop.HeartbeatMs < _config.WatchdogSeconds * 1000L)
            {
                return;
            }

            long stalledS = (now - _loop.HeartbeatMs) / 1000;
            _loop.Start();
            int restarts;
            lock (_gate)
            {
                restarts = ++_loopRestarts;
            }

            AddNotice(DeviceMessages.Notice(_config.DeviceId, TimeText(), "watchdog",
                "mining loop stalled for " + stalledS.ToString() + " s (mining.watchdogSeconds = " + _config.WatchdogSeconds.ToString() +
                "); started a new one (restart " + restarts.ToString() + ")"));
            _statusDue = true;
            if (restarts >= RebootAfterLoopRestarts)
            {
                _hw.Restart.Reboot("mining loop stalled " + restarts.ToString() + " times");
            }
        }

        private void AddNotice(string json)
        {
            lock (_gate)
            {
                if (_notices.Count < MaxPendingNotices)
                {
                    _notices.Add(new PendingNotice(json));
                }
            }
        }

        private string? TimeText()
        {
            return _hw.Clock.IsWallClockSet ? IsoTime.Format(_hw.Clock.UtcNow) : null;
        }

        private static byte[] Utf8(string text)
        {
            return Text.Utf8.GetBytes(text);
        }
    }
}
