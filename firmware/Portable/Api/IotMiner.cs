using System;
using System.Threading;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Control;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Firmware.Api
{
    /// <summary>
    /// The miner a manufacturer embeds in a smart device (a lamp, a plug, a thermostat). It mines only with the
    /// owner's consent, only as hard as the thermal policy allows, and steps aside whenever the product reports it is
    /// busy (with <see cref="GovernorPolicy.IdleOnly"/>). It reports openly over MQTT (availability, status, share,
    /// event) to the broker in the configuration, and takes owner commands (pause, resume, limits) but never one that
    /// would change where the rewards go.
    /// </summary>
    /// <example>
    /// <code>
    /// IotMiner miner = new IotMiner(config, hardware);
    /// miner.Start(policy);          // connects, asks the gateway for work, mines in the background
    /// miner.SetBusy(true);          // the product needs the CPU: mining pauses (idle-only policy)
    /// miner.SetBusy(false);         // idle again: mining resumes after policy.IdleDelaySeconds
    /// MinerStatus s = miner.Status; // state, reason, hash rate, temperature, shares
    /// miner.Stop();
    /// </code>
    /// </example>
    public sealed class IotMiner
    {
        private const int TickMs = 200;

        private readonly object _gate = new object();
        private readonly FirmwareConfig _config;
        private readonly DeviceHardware _hardware;
        private MinerController? _controller;
        private bool _consent;
        private bool _busy;
        private bool _running;
        private int _generation;

        /// <summary>Creates a miner; nothing runs until <see cref="Start(GovernorPolicy)"/>.</summary>
        /// <param name="config">The device configuration (<see cref="FirmwareConfig.Parse(string, string)"/> of <c>I:\iotminer.json</c>); its <c>consent</c> is the initial consent.</param>
        /// <param name="hardware">The board.</param>
        public IotMiner(FirmwareConfig config, DeviceHardware hardware)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            if (hardware == null)
            {
                throw new ArgumentNullException("hardware");
            }

            _config = config;
            _hardware = hardware;
            _consent = config.Consent;
        }

        /// <summary>True between <see cref="Start(GovernorPolicy)"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning
        {
            get
            {
                lock (_gate)
                {
                    return _running;
                }
            }
        }

        /// <summary>The owner's consent. Without it the miner connects and reports, but never hashes.</summary>
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

        /// <summary>
        /// Records the owner's answer (e.g. from the product's setup screen or app). Withdrawing consent stops
        /// hashing within a slice; the status then says why.
        /// </summary>
        public void SetConsent(bool consent)
        {
            lock (_gate)
            {
                _consent = consent;
                if (_controller != null)
                {
                    _controller.SetConsent(consent);
                }
            }
        }

        /// <summary>
        /// Tells the miner whether the product itself needs the device now. With an idle-only policy, busy pauses
        /// mining at once and idle resumes it after the policy's idle delay.
        /// </summary>
        public void SetBusy(bool busy)
        {
            lock (_gate)
            {
                _busy = busy;
                if (_controller != null)
                {
                    _controller.SetBusy(busy);
                }
            }
        }

        /// <summary>A snapshot: state and reason, duty, temperature, hash rate, share counts.</summary>
        public MinerStatus Status
        {
            get
            {
                lock (_gate)
                {
                    return _controller == null ? new MinerStatus() : _controller.Status;
                }
            }
        }

        /// <summary>Starts with the policy of the configuration.</summary>
        public void Start()
        {
            Start(_config.Policy);
        }

        /// <summary>
        /// Starts the control thread and the low-priority mining thread under <paramref name="policy"/>.
        /// </summary>
        /// <exception cref="ArgumentException">When the policy is invalid (the message lists every problem).</exception>
        /// <exception cref="InvalidOperationException">When already running.</exception>
        public void Start(GovernorPolicy policy)
        {
            if (policy == null)
            {
                throw new ArgumentNullException("policy");
            }

            MinerController controller = new MinerController(_config, _hardware, policy.Copy());
            int generation;
            lock (_gate)
            {
                if (_running)
                {
                    throw new InvalidOperationException("The miner is already running: call Stop first.");
                }

                controller.SetConsent(_consent);
                controller.SetBusy(_busy);
                _controller = controller;
                _running = true;
                generation = ++_generation;
            }

            controller.StartLoop();
            Thread thread = new Thread(new ControlRunner(this, controller, generation).Run);
            thread.Start();
        }

        /// <summary>Stops hashing, publishes <c>offline</c> and disconnects.</summary>
        public void Stop()
        {
            MinerController? controller;
            lock (_gate)
            {
                if (!_running)
                {
                    return;
                }

                _running = false;
                _generation++;
                controller = _controller;
            }

            if (controller != null)
            {
                lock (controller)
                {
                    controller.Shutdown();
                }
            }
        }

        private bool IsCurrent(int generation)
        {
            lock (_gate)
            {
                return _running && _generation == generation;
            }
        }

        private sealed class ControlRunner
        {
            private readonly IotMiner _miner;
            private readonly MinerController _controller;
            private readonly int _generation;

            public ControlRunner(IotMiner miner, MinerController controller, int generation)
            {
                _miner = miner;
                _controller = controller;
                _generation = generation;
            }

            public void Run()
            {
                while (_miner.IsCurrent(_generation))
                {
                    try
                    {
                        // The controller object is the lock Stop takes, so a tick never overlaps the shutdown.
                        lock (_controller)
                        {
                            if (_miner.IsCurrent(_generation))
                            {
                                _controller.Tick();
                            }
                        }
                    }
                    catch (Exception)
                    {
                        // A fault in one tick (a broker that answered garbage, a driver hiccup) must not end control:
                        // the next tick retries from the link state.
                    }

                    Thread.Sleep(TickMs);
                }
            }
        }
    }
}
