using System;

namespace IotMinerAgent.Firmware.Mqtt
{
    /// <summary>The topics of one device (docs/mqtt.md, "Topics" and "Device work (binary)").</summary>
    public sealed class DeviceTopics
    {
        private readonly string _root;

        /// <summary>Topics of <paramref name="deviceId"/>.</summary>
        public DeviceTopics(string deviceId)
        {
            _root = "iotminer/" + deviceId + "/";
            Availability = _root + "availability";
            Status = _root + "status";
            Share = _root + "share";
            Event = _root + "event";
            CommandPrefix = _root + "cmd/";
            WorkRequest = _root + "work_request";
            Work = _root + "work";
            DeviceShare = _root + "device_share";
            Verdict = _root + "verdict";
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
