using System;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Decides what the mining loop may do, highest priority first: the owner's consent, the owner's pause, free
    /// heap, then the thermal governor (hard limit, schedule, idle-only/busy, missing sensor, PI control).
    /// </summary>
    internal sealed partial class MinerController
    {
        private void UpdatePermit(long now)
        {
            GovernorInputs inputs = ReadInputs(now);
            long freeHeap = _hw.Memory.FreeBytes;
            bool heapLow = GuardHeap(now, freeHeap);
            DeviceJob? job = _jobs.Current;
            lock (_gate)
            {
                GovernorDecision decision = _governor.Decide(inputs, now);
                string blocked = BlockReason(heapLow, freeHeap);
                bool mayHash = blocked.Length == 0 && decision.State != GovernorState.Paused;
                int duty = mayHash ? decision.DutyPercent : 0;
                _loop.SetPermit(new MiningPermit(mayHash, duty));

                MinerStatus status = new MinerStatus();
                status.MiningEnabled = !_commandPaused && _loopStarted;
                status.Consent = _consent;
                status.DutyPercent = duty;
                status.MaxDutyPercent = _policy.MaxDutyPercent;
                status.TargetMilliC = _policy.TargetMilliC;
                status.HasTemperature = decision.HasTemperature;
                status.TemperatureMilliC = decision.TemperatureMilliC;
                status.Algorithm = job == null ? _status.Algorithm : job.Algorithm;
                status.Engine = _engineName;
                status.EngineRejections = _engineRejections;
                status.HashRateTenths = _meter.TenthsPerSecond(now);
                SetState(status, blocked, decision, job != null);
                status.Accepted = _accepted;
                status.Rejected = _rejected;
                status.Stale = _stale;
                status.BestDifficulty = _best;
                status.SharesFound = _found;
                status.SharesDropped = _dropped;
                status.OutboxCount = _outbox.Count;
                status.LoopRestarts = _loopRestarts;
                status.FreeHeapBytes = freeHeap;
                status.UptimeSeconds = (now - _startMs) / 1000;
                status.WifiConnected = _hw.Wifi.IsConnected;
                status.MqttConnected = _hw.Mqtt.IsConnected;
                _status = status;
            }
        }

        private void SetState(MinerStatus status, string blocked, GovernorDecision decision, bool hasJob)
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
            else if (!hasJob)
            {
                status.State = "no-work";
                status.Reason = _hw.Mqtt.IsConnected ? "waiting for a job from the gateway" : "waiting for the broker (Wi-Fi " + (_hw.Wifi.IsConnected ? "up" : "down") + ")";
            }
            else
            {
                status.State = decision.StateText;
                status.Reason = decision.Reason;
            }
        }

        // Empty when nothing outside the governor stops mining.
        private string BlockReason(bool heapLow, long freeHeap)
        {
            if (!_loopStarted)
            {
                return "paused: stopped by the device";
            }

            if (!_consent)
            {
                return "paused: no owner consent (set \"consent\": true in " + Config.FirmwareConfig.ConfigPath + " or call IotMiner.SetConsent)";
            }

            if (_commandPaused)
            {
                return "paused: by command";
            }

            if (heapLow)
            {
                return "paused: free heap " + freeHeap.ToString() + " bytes below mining.minFreeHeapBytes = " + _config.MinFreeHeapBytes.ToString();
            }

            return string.Empty;
        }

        private GovernorInputs ReadInputs(long now)
        {
            GovernorInputs inputs = new GovernorInputs();
            int raw = ReadRawTemperature();
            if (raw != 0)
            {
                inputs.WithTemperature(_config.Calibration.ToMilliC(raw));
            }

            lock (_gate)
            {
                inputs.WithIdle(!_busy, now - _idleSinceMs);
            }

            if (_hw.Clock.IsWallClockSet)
            {
                DateTime utc = _hw.Clock.UtcNow;
                inputs.MinuteOfDay = (utc.Hour * 60) + utc.Minute;
            }

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
