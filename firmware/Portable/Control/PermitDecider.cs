using System;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Energy;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;
using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Decides what the mining loop may do, highest priority first: the device's own stop, the owner's consent, the
    /// owner's pause, free heap, then the governor (hard limit, schedule, idle-only/busy, missing sensor, the energy
    /// rule, PI control: the strictest wins, as on the Linux agent); and says why in the status.
    /// </summary>
    internal sealed class PermitDecider
    {
        private const long LowHeapRebootMs = 60000;

        private readonly FirmwareConfig _config;
        private readonly DeviceHardware _hw;
        private readonly EnergyFeed _energy;
        private readonly EnergyCounter _energyUsed;
        private long _lowHeapSinceMs = -1;

        public PermitDecider(FirmwareConfig config, DeviceHardware hardware, EnergyFeed energy)
        {
            _config = config;
            _hw = hardware;
            _energy = energy;
            _energyUsed = new EnergyCounter(BoardDraw(config.EnergyPolicy));
        }

        /// <summary>
        /// The draw the status's <c>energy_kwh</c> counts: the energy rule's (<c>energy.boardWatts</c>/<c>idleWatts</c>,
        /// else the board table's row for the chip); where neither is known, the table's ESP32 row, the largest of the
        /// chips the firmware runs on (docs/mqtt.md, "ESP32 devices").
        /// </summary>
        internal static BoardPower? BoardDraw(EnergyPolicy policy) =>
            policy.BoardMilliW > 0 ? new BoardPower("configured", policy.IdleMilliW, policy.BoardMilliW, "energy keys or the board table") : BoardPowerTable.Find("ESP32");

        /// <summary>
        /// The permit for this round; fills the status's state, reason, duty, temperature, policy limits and free heap.
        /// <paramref name="waitingFor"/> is null while there is work, else why there is none (the no-work reason).
        /// </summary>
        public MiningPermit Decide(long now, bool loopStarted, bool consent, bool busy, long idleForMs, OwnerCommands commands, string? waitingFor, MinerStatus status)
        {
            GovernorInputs inputs = ReadInputs(busy, idleForMs, now);
            long freeHeap = _hw.Memory.FreeBytes;
            bool heapLow = GuardHeap(now, freeHeap);
            GovernorDecision decision = commands.Decide(inputs, now);
            string blocked = BlockReason(loopStarted, consent, commands.Paused, heapLow, freeHeap);
            bool mayHash = blocked.Length == 0 && decision.State != GovernorState.Paused;
            int duty = mayHash ? decision.DutyPercent : 0;

            _energyUsed.Advance(now, status.DutyPercent, status);
            status.DutyPercent = duty;
            status.MaxDutyPercent = commands.MaxDutyPercent;
            status.TargetMilliC = commands.TargetMilliC;
            status.HasTemperature = decision.HasTemperature;
            status.TemperatureMilliC = decision.TemperatureMilliC;
            status.FreeHeapBytes = freeHeap;
            SetState(status, blocked, decision, waitingFor);
            return new MiningPermit(mayHash, duty);
        }

        private static void SetState(MinerStatus status, string blocked, GovernorDecision decision, string? waitingFor)
        {
            if (blocked.Length > 0)
            {
                status.State = "paused";
                status.Reason = blocked;
            }
            else if (decision.State == GovernorState.Paused)
            {
                status.State = "paused";
                status.Reason = decision.Reason;
            }
            else if (waitingFor != null)
            {
                status.State = "no-work";
                status.Reason = waitingFor;
            }
            else
            {
                status.State = decision.StateText;
                status.Reason = decision.Reason;
            }
        }

        // Empty when nothing outside the governor stops mining.
        private string BlockReason(bool loopStarted, bool consent, bool commandPaused, bool heapLow, long freeHeap)
        {
            if (!loopStarted)
            {
                return "paused: stopped by the device";
            }

            if (!consent)
            {
                return "paused: no owner consent (set \"consent\": true in " + FirmwareConfig.ConfigPath + " or call IotMiner.SetConsent)";
            }

            if (commandPaused)
            {
                return "paused: by command";
            }

            if (heapLow)
            {
                return "paused: free heap " + freeHeap.ToString() + " bytes below mining.minFreeHeapBytes = " + _config.MinFreeHeapBytes.ToString();
            }

            return string.Empty;
        }

        private GovernorInputs ReadInputs(bool busy, long idleForMs, long now)
        {
            GovernorInputs inputs = new GovernorInputs();
            int raw = ReadRawTemperature();
            if (raw != 0)
            {
                inputs.WithTemperature(_config.Calibration.ToMilliC(raw));
            }

            inputs.WithIdle(!busy, idleForMs);
            if (_hw.Clock.IsWallClockSet)
            {
                // The board has no time zone: its day (schedule, tariff, energy budget) is the UTC day.
                DateTime utc = _hw.Clock.UtcNow;
                inputs.WithLocalTime(utc.Year, utc.Month, utc.Day, (utc.Hour * 3600) + (utc.Minute * 60) + utc.Second);
            }

            _energy.Fill(inputs.Energy, now);

            return inputs;
        }

        // 0 is "no reading": what the ESP32-S2/S3/C3 return on the classic's sensor channel, and what a failed read
        // becomes, so the governor applies the owner's no-sensor policy instead of seeing a cold chip.
        private int ReadRawTemperature()
        {
            if (!_config.SensorEnabled)
            {
                return 0;
            }

            try
            {
                return _hw.Temperature.ReadRaw();
            }
            catch (Exception)
            {
                return 0;
            }
        }

        // Low heap pauses hashing at once; if it stays low for a minute, the heap is leaking or fragmented beyond what
        // the GC recovers, and a reboot is the only cure on a board without swap.
        private bool GuardHeap(long now, long freeHeap)
        {
            if (freeHeap >= _config.MinFreeHeapBytes)
            {
                _lowHeapSinceMs = -1;
                return false;
            }

            if (_lowHeapSinceMs < 0)
            {
                _lowHeapSinceMs = now;
            }
            else if (now - _lowHeapSinceMs >= LowHeapRebootMs)
            {
                _hw.Restart.Reboot("free heap " + freeHeap.ToString() + " bytes below " + _config.MinFreeHeapBytes.ToString() + " for a minute");
                _lowHeapSinceMs = now;
            }

            return true;
        }
    }
}
