using System;
using IotMinerAgent.Firmware.Commands;
using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>What the gateway and the owner send: jobs, verdicts, commands.</summary>
    internal sealed partial class MinerController
    {
        private const int MaxInbox = 32;

        /// <summary>Called on the MQTT client's thread: only queue, the controller thread does the work.</summary>
        public void OnMessage(string topic, byte[] payload, bool retained)
        {
            lock (_gate)
            {
                if (_inbox.Count < MaxInbox)
                {
                    _inbox.Add(new ReceivedMessage(topic, payload, retained));
                }
            }
        }

        private void HandleInbox(long now)
        {
            while (true)
            {
                ReceivedMessage message;
                lock (_gate)
                {
                    if (_inbox.Count == 0)
                    {
                        return;
                    }

                    message = (ReceivedMessage)_inbox[0]!;
                    _inbox.RemoveAt(0);
                }

                Handle(message, now);
            }
        }

        private void Handle(ReceivedMessage message, long now)
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
                HandleCommand(message.Topic.Substring(_topics.CommandPrefix.Length), message.Payload, message.Retained);
            }
        }

        private void HandleJob(byte[] payload, long now)
        {
            DeviceJob job;
            try
            {
                job = DeviceJob.Decode(payload);
            }
            catch (DeviceMessageException exception)
            {
                AddNotice(DeviceMessages.Notice(_config.DeviceId, TimeText(), "job_error", exception.Message));
                return;
            }

            if (!Wants(job.Algorithm))
            {
                AddNotice(DeviceMessages.Notice(_config.DeviceId, TimeText(), "job_error",
                    "job " + DeviceMessages.Hex8(job.JobId) + " is " + job.Algorithm + ", which this device did not ask for (mining.algorithms)"));
                return;
            }

            _jobs.Replace(job, now);

            // A job proves a gateway is listening again: shares whose verdict has not come for a while were probably
            // published while no gateway was subscribed (the broker drops those), so send them again now.
            _outbox.Resend(now, JobResendAfterMs);
        }

        private bool Wants(string algorithm)
        {
            for (int i = 0; i < _config.Algorithms.Length; i++)
            {
                if (_config.Algorithms[i] == algorithm)
                {
                    return true;
                }
            }

            return false;
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
                AddNotice(DeviceMessages.Notice(_config.DeviceId, TimeText(), "verdict_error", exception.Message));
                return;
            }

            if (verdict.Code == DeviceVerdictCode.RejectedRateLimited)
            {
                _outbox.Defer(verdict, now + RateLimitedRetryMs);
                return;
            }

            OutboxEntry? entry = _outbox.ApplyVerdict(verdict);
            if (entry == null)
            {
                return;
            }

            Count(entry);
            DeviceJob? current = _jobs.Current;
            bool jobGone = verdict.Code == DeviceVerdictCode.RejectedStale || verdict.Code == DeviceVerdictCode.RejectedUnknownJob;
            if (jobGone && current != null && current.JobId == verdict.JobId)
            {
                // docs/mqtt.md: stale means "drop it", unknown job means "wait for a new one".
                _jobs.Clear();
                _nextWorkRequestMs = now;
            }
        }

        private void Count(OutboxEntry entry)
        {
            lock (_gate)
            {
                DeviceVerdictCode code = entry.Verdict;
                if (code == DeviceVerdictCode.Accepted || code == DeviceVerdictCode.BlockFound)
                {
                    _accepted++;
                    if (entry.Share.Hash.Length == 32)
                    {
                        Difficulty difficulty = Difficulty.OfHash(entry.Share.Hash);
                        if (difficulty.CompareTo(_best) > 0)
                        {
                            _best = difficulty;
                        }
                    }
                }
                else if (code == DeviceVerdictCode.RejectedStale)
                {
                    _stale++;
                }
                else if (!(entry.Resent && code == DeviceVerdictCode.RejectedDuplicate))
                {
                    _rejected++;
                }
            }
        }

        private void HandleCommand(string name, byte[] payload, bool retained)
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

            AddNotice(DeviceMessages.CommandEvent(_config.DeviceId, TimeText(), name, error, value, command.RequestId));
            _statusDue = true;
        }

        private string? Apply(DeviceCommand command)
        {
            lock (_gate)
            {
                switch (command.Kind)
                {
                    case CommandKind.Pause:
                        _commandPaused = true;
                        return null;
                    case CommandKind.Resume:
                        _commandPaused = false;
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
            _governor = new ThermalGovernor(policy);
            return null;
        }
    }
}
