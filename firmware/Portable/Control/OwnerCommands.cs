using IotMinerAgent.Firmware.Commands;
using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// The owner's commands and what they change: the pause, and the thermal policy (target temperature, maximum
    /// duty) with the governor built from it. A policy a command would make invalid is refused and the old one kept.
    /// A retune keeps the energy rule (<see cref="EnergyGovernor"/>): its minimum switch time and energy count carry on.
    /// </summary>
    internal sealed class OwnerCommands
    {
        private readonly object _gate = new object();
        private readonly string _deviceId;
        private GovernorPolicy _policy;
        private ThermalGovernor _governor;
        private bool _paused;

        public OwnerCommands(string deviceId, GovernorPolicy policy, EnergyGovernor energy)
        {
            _deviceId = deviceId;
            _policy = policy;
            _governor = new ThermalGovernor(policy, energy);
        }

        /// <summary>The energy rule the governor asks (the same instance across retunes).</summary>
        public EnergyGovernor Energy
        {
            get
            {
                lock (_gate)
                {
                    return _governor.Energy;
                }
            }
        }

        /// <summary>True after a pause command, until a resume command.</summary>
        public bool Paused
        {
            get
            {
                lock (_gate)
                {
                    return _paused;
                }
            }
        }

        /// <summary>The policy's maximum duty, in percent.</summary>
        public int MaxDutyPercent
        {
            get
            {
                lock (_gate)
                {
                    return _policy.MaxDutyPercent;
                }
            }
        }

        /// <summary>The policy's target temperature, in milli-degrees Celsius.</summary>
        public int TargetMilliC
        {
            get
            {
                lock (_gate)
                {
                    return _policy.TargetMilliC;
                }
            }
        }

        /// <summary>The current governor's decision for these inputs.</summary>
        public GovernorDecision Decide(GovernorInputs inputs, long now)
        {
            lock (_gate)
            {
                return _governor.Decide(inputs, now);
            }
        }

        /// <summary>Parses and applies a command (<paramref name="name"/> is the topic level after the command prefix); returns the command event to publish.</summary>
        public string Handle(string name, byte[] payload, bool retained, string? time)
        {
            // The name is the publisher's topic level: escaped before the parser quotes it (UntrustedText).
            name = UntrustedText.Escape(name, DeviceMessages.MaxCommandLength);
            DeviceCommand command = CommandParser.Parse(name, payload, retained);
            string? error = command.Error;
            string? value = null;
            if (error == null)
            {
                error = Apply(command);
                if (error == null && (command.Kind == CommandKind.TargetTemperature || command.Kind == CommandKind.MaxDuty || command.Kind == CommandKind.Threads))
                {
                    value = FixedDecimal.Format(command.Value, command.Kind == CommandKind.TargetTemperature ? 3 : 0);
                }
            }

            return DeviceMessages.CommandEvent(_deviceId, time, name, error, value, command.RequestId);
        }

        private string? Apply(DeviceCommand command)
        {
            lock (_gate)
            {
                switch (command.Kind)
                {
                    case CommandKind.Pause:
                        _paused = true;
                        return null;
                    case CommandKind.Resume:
                        _paused = false;
                        return null;
                    case CommandKind.Threads:
                        return null;
                    default:
                        return Retune(command);
                }
            }
        }

        private string? Retune(DeviceCommand command)
        {
            GovernorPolicy policy = _policy.Copy();
            if (command.Kind == CommandKind.TargetTemperature)
            {
                policy.TargetMilliC = (int)command.Value;
            }
            else
            {
                policy.MaxDutyPercent = (int)command.Value;
                if (policy.MinDutyPercent > policy.MaxDutyPercent)
                {
                    policy.MinDutyPercent = policy.MaxDutyPercent;
                }
            }

            string[] errors = policy.Validate("policy.");
            if (errors.Length > 0)
            {
                return errors[0];
            }

            _policy = policy;
            // The energy rule carries over: its switch times and today's energy count must not restart.
            _governor = new ThermalGovernor(policy, _governor.Energy);
            return null;
        }
    }
}
