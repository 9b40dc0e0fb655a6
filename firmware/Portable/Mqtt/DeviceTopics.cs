using System;
using IotMinerAgent.Hashing.DeviceContract;

namespace IotMinerAgent.Firmware.Mqtt
{
    /// <summary>
    /// The topics of one device (docs/mqtt.md, "Topics" and "Device work (binary)"), built by the device contract
    /// (<see cref="DeviceTopic"/>) that the Linux agent and the gateway build theirs from too.
    /// </summary>
    public sealed class DeviceTopics
    {
        /// <summary>Topics of <paramref name="deviceId"/>.</summary>
        public DeviceTopics(string deviceId)
        {
            Availability = DeviceTopic.Of(deviceId, DeviceTopic.Availability);
            Status = DeviceTopic.Of(deviceId, DeviceTopic.Status);
            Share = DeviceTopic.Of(deviceId, DeviceTopic.Share);
            Event = DeviceTopic.Of(deviceId, DeviceTopic.Event);
            CommandPrefix = DeviceTopic.CommandPrefix(deviceId);
            WorkRequest = DeviceTopic.Of(deviceId, DeviceTopic.WorkRequest);
            Work = DeviceTopic.Of(deviceId, DeviceTopic.Work);
            DeviceShare = DeviceTopic.Of(deviceId, DeviceTopic.DeviceShare);
            Verdict = DeviceTopic.Of(deviceId, DeviceTopic.Verdict);
        }

        /// <summary><c>online</c>/<c>offline</c>, retained; the last will.</summary>
        public string Availability { get; private set; }

        /// <summary>Status JSON, retained.</summary>
        public string Status { get; private set; }

        /// <summary>One share report JSON per share.</summary>
        public string Share { get; private set; }

        /// <summary>Answers to commands and notices (outbox full, watchdog).</summary>
        public string Event { get; private set; }

        /// <summary>Prefix of <c>cmd/&lt;name&gt;</c>.</summary>
        public string CommandPrefix { get; private set; }

        /// <summary>Device → gateway: what the device can do.</summary>
        public string WorkRequest { get; private set; }

        /// <summary>Gateway → device: a binary job.</summary>
        public string Work { get; private set; }

        /// <summary>Device → gateway: a binary share.</summary>
        public string DeviceShare { get; private set; }

        /// <summary>Gateway → device: a binary verdict.</summary>
        public string Verdict { get; private set; }

        /// <summary>What the device subscribes to: its work, its verdicts and its commands.</summary>
        public string[] Subscriptions()
        {
            return new string[] { Work, Verdict, CommandPrefix + "+" };
        }
    }
}
