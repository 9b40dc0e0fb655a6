namespace IotMinerAgent.Hashing.DeviceContract
{
    /// <summary>
    /// The topic levels of the device contract (docs/mqtt.md, "Topics", "Device work (binary)", "Fleet gateway") and
    /// the one way to build a device's topic: <c>iotminer/&lt;device_id&gt;/&lt;leaf&gt;</c>. The Linux agent, the
    /// gateway and the ESP32 firmware all build their topics here, so none can drift from the others.
    /// Callers validate the device id first (MQTT 5 §4.7: no <c>/</c>, <c>+</c> or <c>#</c> inside one level).
    /// </summary>
    public static class DeviceTopic
    {
        /// <summary>First level of every topic: <c>iotminer/&lt;device_id&gt;/…</c>.</summary>
        public const string RootLevel = "iotminer";

        /// <summary>The level under <see cref="RootLevel"/> that holds every gateway's own topics; no device may take it as its id.</summary>
        public const string GatewayLevel = "gateway";

        /// <summary><c>online</c> / <c>offline</c>, retained; the last will.</summary>
        public const string Availability = "availability";

        /// <summary>Retained status JSON.</summary>
        public const string Status = "status";

        /// <summary>One share report JSON per share.</summary>
        public const string Share = "share";

        /// <summary>Answers to commands and notices.</summary>
        public const string Event = "event";

        /// <summary>The level before a command's name: <c>cmd/&lt;name&gt;</c>.</summary>
        public const string CommandLevel = "cmd";

        /// <summary>Device → gateway: what the device can hash, JSON.</summary>
        public const string WorkRequest = "work_request";

        /// <summary>Gateway → device: a binary job.</summary>
        public const string Work = "work";

        /// <summary>Device → gateway: a binary share.</summary>
        public const string DeviceShare = "device_share";

        /// <summary>Gateway → device: a binary verdict.</summary>
        public const string Verdict = "verdict";

        /// <summary>Payload of <see cref="Availability"/> while connected.</summary>
        public const string Online = "online";

        /// <summary>Payload of <see cref="Availability"/> after a clean stop, and of the last will.</summary>
        public const string Offline = "offline";

        /// <summary>Prefix of every MQTT client id of a device: <c>iotminer-&lt;device_id&gt;</c>.</summary>
        public const string ClientIdPrefix = RootLevel + "-";

        /// <summary>The MQTT client id of a device: <c>iotminer-&lt;device_id&gt;</c> (docs/mqtt.md, "Topics").</summary>
        public static string ClientId(string deviceId)
        {
            return ClientIdPrefix + deviceId;
        }

        /// <summary><c>iotminer/&lt;device_id&gt;/</c>, with the trailing slash.</summary>
        public static string Root(string deviceId)
        {
            return RootLevel + "/" + deviceId + "/";
        }

        /// <summary><c>iotminer/&lt;device_id&gt;/&lt;leaf&gt;</c>, e.g. <c>Of("pi", DeviceTopic.Status)</c>.</summary>
        public static string Of(string deviceId, string leaf)
        {
            return Root(deviceId) + leaf;
        }

        /// <summary><c>iotminer/&lt;device_id&gt;/cmd/</c>: the prefix of every command topic.</summary>
        public static string CommandPrefix(string deviceId)
        {
            return Root(deviceId) + CommandLevel + "/";
        }

        /// <summary><c>iotminer/&lt;device_id&gt;/cmd/&lt;name&gt;</c>.</summary>
        public static string Command(string deviceId, string name)
        {
            return CommandPrefix(deviceId) + name;
        }
    }
}
