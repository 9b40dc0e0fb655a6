using System;
using IotMinerAgent.Firmware.Commands;
using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Firmware.Text;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mqtt
{
    /// <summary>
    /// The JSON the device publishes, field for field as docs/mqtt.md specifies for the Linux agent (status, share,
    /// event) and the gateway (work_request). Fields the device has no value for are null, never invented.
    /// </summary>
    public static class DeviceMessages
    {
        /// <summary>The firmware version in every status.</summary>
        public const string Version = "0.1.0";

        /// <summary><c>{"v":1,"algos":[...],"hashrate":120.5}</c>.</summary>
        public static string WorkRequest(string[] algorithms, long hashRateTenths)
        {
            TextBuffer list = new TextBuffer(64).Append('[');
            for (int i = 0; i < algorithms.Length; i++)
            {
                if (i > 0)
                {
                    list.Append(',');
                }

                JsonWriter.AppendQuoted(list, algorithms[i]);
            }

            list.Append(']');
            return new JsonWriter().Integer("v", 1).Raw("algos", list.ToString()).Raw("hashrate", FixedDecimal.Format(hashRateTenths, 1)).Finish();
        }

        /// <summary>The status message; its field names are the device contract's (<see cref="StatusFields"/>), as the Linux agent's are.</summary>
        public static string Status(string deviceId, string? time, MinerStatus s)
        {
            JsonWriter json = new JsonWriter().Integer(StatusFields.V, 1).String(StatusFields.DeviceId, deviceId).String(StatusFields.Time, time)
                .String(StatusFields.State, s.State).String(StatusFields.Reason, s.Reason.Length == 0 ? null : s.Reason)
                .Boolean(StatusFields.MiningEnabled, s.MiningEnabled).Raw(StatusFields.HashrateHs, FixedDecimal.Format(s.HashRateTenths, 1))
                .String(StatusFields.Algo, s.Algorithm).String(StatusFields.Engine, s.Engine)
                .Integer(StatusFields.Threads, s.DutyPercent > 0 ? 1 : 0).Integer(StatusFields.MaxThreads, CommandParser.MaxThreads)
                .Integer(StatusFields.DutyPercent, s.DutyPercent).Integer(StatusFields.MaxDutyPercent, s.MaxDutyPercent)
                .Milli(StatusFields.TargetTemperatureC, s.TargetMilliC);
            if (s.HasTemperature)
            {
                json.Milli(StatusFields.TemperatureC, s.TemperatureMilliC);
            }
            else
            {
                json.Null(StatusFields.TemperatureC);
            }

            json.Integer(StatusFields.Accepted, s.Accepted).Integer(StatusFields.Rejected, s.Rejected).Integer(StatusFields.Stale, s.Stale)
                .Raw(StatusFields.BestDifficulty, s.BestDifficulty.IsPositive ? s.BestDifficulty.ToString() : "0").String(StatusFields.Pool, s.Pool).String(StatusFields.Tier, s.DuinoTier)
                .Integer(StatusFields.UptimeS, s.UptimeSeconds).String(StatusFields.Version, Version);
            if (s.HasEnergy)
            {
                json.Raw(StatusFields.EnergyKwh, FixedDecimal.Format(s.EnergyMicroJoules / EnergyCounter.MicroJoulesPerNanoKwh, 9));
            }
            else
            {
                json.Null(StatusFields.EnergyKwh);
            }

            return json.Boolean(StatusFields.Consent, s.Consent).Integer(StatusFields.FreeHeapBytes, s.FreeHeapBytes).Integer(StatusFields.Outbox, s.OutboxCount)
                .Integer(StatusFields.SharesPending, s.SharesPending).Integer(StatusFields.SharesDropped, s.SharesDropped).Integer(StatusFields.LoopRestarts, s.LoopRestarts).Finish();
        }

        /// <summary>Longest command name echoed in an answer (escaped, truncation mark included).</summary>
        public const int MaxCommandLength = CommandLimits.MaxNameLength;

        /// <summary>Longest request id echoed in an answer.</summary>
        public const int MaxRequestIdLength = CommandLimits.MaxRequestIdLength;

        /// <summary>Longest error or notice text published.</summary>
        public const int MaxErrorLength = 500;

        /// <summary>
        /// The answer to a command. The name, the request id and the error quote what a publisher sent: each passes
        /// the one rule for outside text (<see cref="UntrustedText.Escape"/>) before it is published.
        /// </summary>
        public static string CommandEvent(string deviceId, string? time, string command, string? error, string? valueJson, string? requestId)
        {
            JsonWriter json = new JsonWriter().Integer("v", 1).String("device_id", deviceId).String("time", time).String("type", "command")
                .String("command", UntrustedText.Escape(command, MaxCommandLength)).Boolean("ok", error == null)
                .String("error", error == null ? null : UntrustedText.Escape(error, MaxErrorLength));
            return (valueJson == null ? json.Null("value") : json.Raw("value", valueJson))
                .String("request_id", requestId == null ? null : UntrustedText.Escape(requestId, MaxRequestIdLength)).Finish();
        }

        /// <summary>
        /// A notice that is no command answer (<c>outbox_full</c>, <c>watchdog</c>, <c>job_error</c>), with a message for
        /// people; the message may quote what the gateway sent, so it is escaped (<see cref="UntrustedText.Escape"/>).
        /// </summary>
        public static string Notice(string deviceId, string? time, string type, string message)
        {
            return new JsonWriter().Integer("v", 1).String("device_id", deviceId).String("time", time).String("type", type)
                .Boolean("ok", false).String("error", UntrustedText.Escape(message, MaxErrorLength)).Finish();
        }

        /// <summary>The share report of a judged share.</summary>
        public static string ShareReport(string deviceId, OutboxEntry entry)
        {
            DeviceJob job = entry.Share.Job;
            byte[] hash = entry.Share.Hash;
            Difficulty poolDifficulty = Difficulty.OfTarget(job.Target);
            Difficulty difficulty = hash.Length == 32 ? Difficulty.OfHash(hash) : poolDifficulty;
            return new JsonWriter().Integer("v", 1).String("id", entry.Id).String("device_id", deviceId).String("found_at", entry.FoundAt)
                .String("algo", job.Algorithm).Null("pool").String("job_id", Hex8(job.JobId)).String("nonce", Hex8(entry.Share.Nonce))
                .Null("extranonce2").String("ntime", Hex8(NTime(job))).Null("version_bits")
                .Raw("difficulty", difficulty.ToString()).Raw("pool_difficulty", poolDifficulty.ToString())
                .String("hash", hash.Length == 32 ? Hex.EncodeReversed(hash) : null)
                .String("result", Result(entry)).String("reject_reason", RejectReason(entry)).Finish();
        }

        /// <summary>8 lowercase hex digits of a 32-bit value, most significant first (as mining.submit writes nonces).</summary>
        public static string Hex8(uint value)
        {
            return Hex.Encode(new byte[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
        }

        /// <summary>The verdict code as docs/mqtt.md names it (enums print as numbers on nanoFramework).</summary>
        public static string VerdictName(DeviceVerdictCode code)
        {
            switch (code)
            {
                case DeviceVerdictCode.Accepted:
                    return "accepted";
                case DeviceVerdictCode.BlockFound:
                    return "block-found";
                case DeviceVerdictCode.RejectedLowDifficulty:
                    return "rejected-low-difficulty";
                case DeviceVerdictCode.RejectedDuplicate:
                    return "rejected-duplicate";
                case DeviceVerdictCode.RejectedStale:
                    return "rejected-stale";
                case DeviceVerdictCode.RejectedUnknownJob:
                    return "rejected-unknown-job";
                case DeviceVerdictCode.RejectedMalformed:
                    return "rejected-malformed";
                case DeviceVerdictCode.RejectedRateLimited:
                    return "rejected-rate-limited";
                case DeviceVerdictCode.AcceptedPending:
                    return "accepted-pending";
                default:
                    return "unknown-" + (int)code;
            }
        }

        // ntime is header bytes 68..71, little-endian: tail bytes 4..7 for sha256d, prefix bytes 68..71 for scrypt.
        private static uint NTime(DeviceJob job)
        {
            bool sha256d = job.Algorithm == Algorithms.Sha256d;
            byte[] bytes = sha256d ? job.GetTail() : job.GetHeaderPrefix();
            return DeviceWireFormat.ReadUInt32(bytes, sha256d ? 4 : 68);
        }

        private static string? Result(OutboxEntry entry)
        {
            if (entry.Resent && entry.Verdict == DeviceVerdictCode.RejectedDuplicate)
            {
                // Sent twice after a reconnect: the first copy's verdict was lost, this one says nothing about the share.
                return null;
            }

            if (entry.Verdict == DeviceVerdictCode.Accepted || entry.Verdict == DeviceVerdictCode.BlockFound)
            {
                return "accepted";
            }

            return entry.Verdict == DeviceVerdictCode.RejectedStale ? "stale" : "rejected";
        }

        private static string? RejectReason(OutboxEntry entry)
        {
            string? result = Result(entry);
            if (result == null || result == "accepted")
            {
                return null;
            }

            // The gateway's reason: printable ASCII by the wire format, escaped again here as the one rule wants.
            return entry.Reason.Length == 0 ? VerdictName(entry.Verdict) : VerdictName(entry.Verdict) + ": " + UntrustedText.EscapeToAscii(entry.Reason, 200);
        }
    }
}
