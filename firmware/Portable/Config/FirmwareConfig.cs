using System;
using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Firmware.Config
{
    /// <summary>
    /// The device's configuration, <c>I:\iotminer.json</c> on the internal littlefs drive. The keys are the ones
    /// tools/flash writes (version, deviceId, wifi, mqtt, policy) plus optional device keys (consent, sensor, mining,
    /// duino, energy: the Linux agent's <c>energy:*</c> keys, read by the same portable reader). With a <c>duino</c> section the board mines from a Duino pool and the broker is optional.
    /// Unknown keys and every wrong value are errors naming the key and the fix, all reported at once.
    /// </summary>
    public sealed class FirmwareConfig
    {
        /// <summary>Where the firmware reads its configuration.</summary>
        public const string ConfigPath = "I:\\iotminer.json";

        /// <summary>The format version this firmware reads (tools/flash writes <c>"version": 1</c>).</summary>
        public const int FormatVersion = 1;

        private static readonly string[] TopKeys = { "version", "deviceId", "consent", "wifi", "mqtt", "policy", "sensor", "mining", "duino", "energy" };
        private static readonly string[] WifiKeys = { "ssid", "password" };
        private static readonly string[] MqttKeys = { "host", "port", "tls", "caFile", "username", "password", "keepAliveSeconds" };
        private static readonly string[] PolicyKeys =
        {
            "targetTemperatureC", "hardLimitC", "maxDutyPercent", "minDutyPercent", "idleOnly", "idleDelaySeconds", "noSensor", "noSensorDutyPercent",
        };

        private static readonly string[] SensorKeys = { "enabled", "gain", "offsetC" };
        private static readonly string[] MiningKeys =
        {
            "algorithms", "sliceNonces", "minFreeHeapBytes", "watchdogSeconds", "statusIntervalSeconds", "outboxCapacity",
        };

        private static readonly string[] DuinoKeys = { "username", "miningKey", "pool", "difficulty", "rigId" };
        private static readonly string[] EnergyKeys = EnergySettings.KeyNames();

        // Parse without a chip checks the energy policy's power against this chip's table figures: both chips the
        // firmware supports are in the table, so a file valid here is valid on either (the board passes its own).
        private const string CheckChip = "ESP32";

        /// <summary>A configuration with every optional value at its default; the required ones are empty.</summary>
        public FirmwareConfig()
        {
            DeviceId = string.Empty;
            WifiSsid = string.Empty;
            WifiPassword = string.Empty;
            MqttHost = string.Empty;
            MqttPort = 8883;
            MqttTls = true;
            MqttCaFile = string.Empty;
            MqttUsername = string.Empty;
            MqttPassword = string.Empty;
            KeepAliveSeconds = 30;
            Policy = DefaultPolicy();
            SensorEnabled = true;
            Calibration = new TemperatureCalibration(TemperatureCalibration.DefaultGainMicro, TemperatureCalibration.DefaultOffsetMilliC);
            Algorithms = new string[] { IotMinerAgent.Hashing.Algorithms.Sha256d };
            SliceNonces = 32;
            MinFreeHeapBytes = 16384;
            WatchdogSeconds = 60;
            StatusIntervalSeconds = 10;
            OutboxCapacity = 32;
            Energy = new EnergySettings();
            EnergyPolicy = new EnergyPolicy();
        }

        /// <summary>The <c>energy</c> section as written (keys and defaults of the Linux agent's <c>energy:*</c>).</summary>
        public EnergySettings Energy { get; set; }

        /// <summary>The energy rule's policy: <see cref="Energy"/> with the board's power (its keys, else the board table for the chip).</summary>
        public EnergyPolicy EnergyPolicy { get; set; }

        /// <summary>The device id: topics <c>iotminer/&lt;deviceId&gt;/…</c>, client id <c>iotminer-&lt;deviceId&gt;</c>.</summary>
        public string DeviceId { get; set; }

        /// <summary>The owner's consent to mine (key <c>consent</c>, default false: no mining until the owner says yes).</summary>
        public bool Consent { get; set; }

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid { get; set; }

        /// <summary>Wi-Fi passphrase, empty for an open network.</summary>
        public string WifiPassword { get; set; }

        /// <summary>Duino mode: the pool and account to mine for (section <c>duino</c>), or null to take work from a gateway.</summary>
        public DuinoSettings? Duino { get; set; }

        /// <summary>True when a broker is configured: always in gateway mode, optional in Duino mode.</summary>
        public bool HasBroker
        {
            get { return MqttHost.Length > 0; }
        }

        /// <summary>Broker host name or address; empty in Duino mode without a broker.</summary>
        public string MqttHost { get; set; }

        /// <summary>Broker port (8883 with TLS, 1883 without, unless set).</summary>
        public int MqttPort { get; set; }

        /// <summary>Connect with TLS 1.2 (default true).</summary>
        public bool MqttTls { get; set; }

        /// <summary>Path of the broker's CA certificate (PEM) on the device, empty for none.</summary>
        public string MqttCaFile { get; set; }

        /// <summary>MQTT user name, empty for none.</summary>
        public string MqttUsername { get; set; }

        /// <summary>MQTT password, empty for none.</summary>
        public string MqttPassword { get; set; }

        /// <summary>MQTT keep-alive; the broker publishes the last will after 1.5 × this without a packet.</summary>
        public int KeepAliveSeconds { get; set; }

        /// <summary>The governor policy (temperatures, duty, idle-only, no-sensor action).</summary>
        public GovernorPolicy Policy { get; set; }

        /// <summary>False when the board has no usable internal sensor (key <c>sensor.enabled</c>).</summary>
        public bool SensorEnabled { get; set; }

        /// <summary>Raw reading to milli-°C.</summary>
        public TemperatureCalibration Calibration { get; set; }

        /// <summary>The algorithms the device asks work for (key <c>mining.algorithms</c>: sha256d, scrypt).</summary>
        public string[] Algorithms { get; set; }

        /// <summary>Nonces hashed between checks of duty, job and stop (key <c>mining.sliceNonces</c>).</summary>
        public int SliceNonces { get; set; }

        /// <summary>Below this free heap, mining pauses (key <c>mining.minFreeHeapBytes</c>).</summary>
        public int MinFreeHeapBytes { get; set; }

        /// <summary>A mining loop without a heartbeat for this long is restarted (key <c>mining.watchdogSeconds</c>).</summary>
        public int WatchdogSeconds { get; set; }

        /// <summary>Seconds between status messages (key <c>mining.statusIntervalSeconds</c>).</summary>
        public int StatusIntervalSeconds { get; set; }

        /// <summary>Shares held in RAM while the broker is out of reach (key <c>mining.outboxCapacity</c>).</summary>
        public int OutboxCapacity { get; set; }

        /// <summary>Parses and checks the file's text (tools/flash: the chip is not known, see <see cref="Parse(string, string)"/>).</summary>
        /// <exception cref="FirmwareConfigException">Every problem, each naming the key and the fix.</exception>
        public static FirmwareConfig Parse(string text)
        {
            return Parse(text, null);
        }

        /// <summary>Parses and checks the file's text on a board with chip <paramref name="chipModel"/> (<c>ESP32</c>, <c>ESP32-S3</c>), whose table figures are the energy rule's default power.</summary>
        /// <exception cref="FirmwareConfigException">Every problem, each naming the key and the fix.</exception>
        public static FirmwareConfig Parse(string text, string? chipModel)
        {
            JsonValue root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonSyntaxException exception)
            {
                throw new FirmwareConfigException(new string[] { exception.Message + " Fix the file and flash it again (tools/flash: iotminer-flash config)." });
            }

            ConfigFields fields = new ConfigFields();
            FirmwareConfig config = new FirmwareConfig();
            if (root.Kind != JsonKind.Object)
            {
                fields.Add("the file holds " + JsonValue.Describe(root.Kind) + ": it must be one JSON object { \"deviceId\": ..., \"wifi\": {...}, \"mqtt\": {...} }.");
                throw new FirmwareConfigException(fields.Errors());
            }

            fields.CheckKnown(root, string.Empty, TopKeys);
            ReadTop(fields, root, config);
            ReadWifi(fields, fields.Section(root, "wifi", WifiKeys), config);
            JsonValue? duino = fields.Section(root, "duino", DuinoKeys);
            if (duino != null)
            {
                config.Duino = DuinoSection.Read(fields, duino, config.DeviceId);
            }

            // A Duino board mines without a broker; it reports over MQTT only when an mqtt section is given.
            JsonValue? mqtt = fields.Section(root, "mqtt", MqttKeys);
            if (mqtt != null || root.Member("duino") == null)
            {
                ReadMqtt(fields, mqtt, config);
            }

            ReadPolicy(fields, fields.Section(root, "policy", PolicyKeys), config);
            ReadSensor(fields, fields.Section(root, "sensor", SensorKeys), config);
            ReadMining(fields, fields.Section(root, "mining", MiningKeys), config);
            ReadEnergy(fields, fields.Section(root, "energy", EnergyKeys), config, chipModel);
            string[] policyErrors = config.Policy.Validate("policy.");
            for (int i = 0; i < policyErrors.Length; i++)
            {
                fields.Add(policyErrors[i]);
            }

            string[] errors = fields.Errors();
            if (errors.Length > 0)
            {
                throw new FirmwareConfigException(errors);
            }

            return config;
        }

        /// <summary>
        /// Every key this firmware reads, dotted (<c>mqtt.host</c>, <c>mining.sliceNonces</c>); sections themselves are not
        /// listed. tools/flash checks its own key list against this one, so the two cannot drift apart.
        /// </summary>
        public static string[] Keys()
        {
            // TopKeys lists the three plain keys first, then the sections in the order of the array below.
            const int PlainTopKeys = 3;
            string[][] sections = { WifiKeys, MqttKeys, PolicyKeys, SensorKeys, MiningKeys, DuinoKeys, EnergyKeys };
            int count = PlainTopKeys;
            for (int i = 0; i < sections.Length; i++)
            {
                count += sections[i].Length;
            }

            string[] keys = new string[count];
            Array.Copy(TopKeys, keys, PlainTopKeys);
            int next = PlainTopKeys;
            for (int s = 0; s < sections.Length; s++)
            {
                for (int i = 0; i < sections[s].Length; i++)
                {
                    keys[next++] = TopKeys[PlainTopKeys + s] + "." + sections[s][i];
                }
            }

            return keys;
        }

        /// <summary>True for 1–64 characters of [a-zA-Z0-9_-], the device id rule of docs/mqtt.md.</summary>
        public static bool IsValidDeviceId(string id)
        {
            if (id == null || id.Length < 1 || id.Length > 64)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static GovernorPolicy DefaultPolicy()
        {
            // tools/flash PolicyDefaults: 70 °C target, 80 °C hard limit, full duty, not idle-only (a dedicated board
            // has no other work; a smart device's firmware turns idle-only on and reports busy through IotMiner).
            GovernorPolicy policy = new GovernorPolicy();
            policy.IdleOnly = false;
            policy.IdleDelaySeconds = 0;
            policy.Threads = 1;
            return policy;
        }

        private static void ReadTop(ConfigFields fields, JsonValue root, FirmwareConfig config)
        {
            // Only format 1 exists: any other number is out of range, which names the key and the allowed value.
            fields.Number(root, string.Empty, "version", 0, FormatVersion, FormatVersion, FormatVersion, string.Empty);
            config.DeviceId = fields.Text(root, string.Empty, "deviceId", true, string.Empty,
                "set \"deviceId\": 1 to 64 of a-z A-Z 0-9 _ - (e.g. \"esp32-garage\"); it names the MQTT topics.");
            if (config.DeviceId.Length > 0 && !IsValidDeviceId(config.DeviceId))
            {
                fields.Add("deviceId = \"" + config.DeviceId + "\" is not a device id: use 1 to 64 of a-z A-Z 0-9 _ - (it becomes an MQTT topic level).");
            }

            config.Consent = fields.Boolean(root, string.Empty, "consent", false);
        }

        private static void ReadWifi(ConfigFields fields, JsonValue? wifi, FirmwareConfig config)
        {
            config.WifiSsid = fields.Text(wifi, "wifi.", "ssid", true, string.Empty, "set the Wi-Fi network name, e.g. \"wifi\": { \"ssid\": \"HomeNet\", \"password\": \"...\" }.");
            if (wifi != null && wifi.Member("ssid") != null && (config.WifiSsid.Length == 0 || config.WifiSsid.Length > 32))
            {
                fields.Add("wifi.ssid has " + config.WifiSsid.Length.ToString() + " characters: a network name has 1 to 32 (IEEE 802.11).");
            }

            config.WifiPassword = fields.Text(wifi, "wifi.", "password", true, string.Empty, "set the Wi-Fi passphrase, or \"\" for an open network.");
            int length = config.WifiPassword.Length;
            if (length != 0 && (length < 8 || length > 64))
            {
                fields.Add("wifi.password has " + length.ToString() + " characters: WPA2 needs 8 to 63 (or 64 hex digits), or \"\" for an open network.");
            }
        }

        private static void ReadMqtt(ConfigFields fields, JsonValue? mqtt, FirmwareConfig config)
        {
            config.MqttHost = fields.Text(mqtt, "mqtt.", "host", true, string.Empty,
                "set the broker's host name or address, e.g. \"mqtt\": { \"host\": \"broker.lan\" } (a board with a \"duino\" section may leave out the whole mqtt section).");
            config.MqttTls = fields.Boolean(mqtt, "mqtt.", "tls", true);
            config.MqttPort = (int)fields.Number(mqtt, "mqtt.", "port", 0, 1, 65535, config.MqttTls ? 8883 : 1883, string.Empty);
            config.MqttCaFile = fields.Text(mqtt, "mqtt.", "caFile", false, string.Empty, "the CA certificate's path on the device, e.g. \"I:\\\\iotminer-ca.pem\".");
            if (config.MqttCaFile.Length > 0 && !config.MqttTls)
            {
                fields.Add("mqtt.caFile is set but mqtt.tls is false: a CA is only used with TLS; set \"tls\": true or remove caFile.");
            }

            config.MqttUsername = fields.Text(mqtt, "mqtt.", "username", false, string.Empty, "the broker user name.");
            config.MqttPassword = fields.Text(mqtt, "mqtt.", "password", false, string.Empty, "the broker password.");
            if (config.MqttPassword.Length > 0 && config.MqttUsername.Length == 0)
            {
                fields.Add("mqtt.password is set without mqtt.username: MQTT sends a password only with a user name (MQTT 3.1.1 §3.1.2.9); set username.");
            }

            config.KeepAliveSeconds = (int)fields.Number(mqtt, "mqtt.", "keepAliveSeconds", 0, 5, 3600, 30, " s");
        }

        private static void ReadPolicy(ConfigFields fields, JsonValue? policy, FirmwareConfig config)
        {
            GovernorPolicy p = config.Policy;
            p.TargetMilliC = (int)fields.Number(policy, "policy.", "targetTemperatureC", 3, -1000000, 1000000, p.TargetMilliC, " °C");
            p.HardLimitMilliC = (int)fields.Number(policy, "policy.", "hardLimitC", 3, -1000000, 1000000, p.HardLimitMilliC, " °C");
            p.MaxDutyPercent = (int)fields.Number(policy, "policy.", "maxDutyPercent", 0, 1, 100, p.MaxDutyPercent, " %");
            p.MinDutyPercent = (int)fields.Number(policy, "policy.", "minDutyPercent", 0, 1, 100, p.MinDutyPercent, " %");
            p.IdleOnly = fields.Boolean(policy, "policy.", "idleOnly", p.IdleOnly);
            p.IdleDelaySeconds = (int)fields.Number(policy, "policy.", "idleDelaySeconds", 0, 0, 86400, p.IdleDelaySeconds, " s");
            p.NoSensorDutyPercent = (int)fields.Number(policy, "policy.", "noSensorDutyPercent", 0, 1, 100, p.NoSensorDutyPercent, " %");
            string noSensor = fields.Text(policy, "policy.", "noSensor", false, "fixed", "\"pause\" or \"fixed\".");
            if (noSensor == "pause")
            {
                p.NoSensor = NoSensorAction.Pause;
            }
            else if (noSensor == "fixed")
            {
                p.NoSensor = NoSensorAction.FixedDuty;
            }
            else
            {
                fields.Add("policy.noSensor = \"" + noSensor + "\" is not an action: use \"pause\" (no mining without a reading) or \"fixed\" (mine at noSensorDutyPercent).");
            }
        }

        private static void ReadSensor(ConfigFields fields, JsonValue? sensor, FirmwareConfig config)
        {
            config.SensorEnabled = fields.Boolean(sensor, "sensor.", "enabled", true);
            long gain = fields.Number(sensor, "sensor.", "gain", 6, -100000000, 100000000, TemperatureCalibration.DefaultGainMicro, " °C per count");
            long offset = fields.Number(sensor, "sensor.", "offsetC", 3, -1000000, 1000000, TemperatureCalibration.DefaultOffsetMilliC, " °C");
            config.Calibration = new TemperatureCalibration(gain, offset);
        }

        private static void ReadMining(ConfigFields fields, JsonValue? mining, FirmwareConfig config)
        {
            config.SliceNonces = (int)fields.Number(mining, "mining.", "sliceNonces", 0, 1, 65536, config.SliceNonces, string.Empty);
            config.MinFreeHeapBytes = (int)fields.Number(mining, "mining.", "minFreeHeapBytes", 0, 0, 16777216, config.MinFreeHeapBytes, " bytes");
            config.WatchdogSeconds = (int)fields.Number(mining, "mining.", "watchdogSeconds", 0, 1, 3600, config.WatchdogSeconds, " s");
            config.StatusIntervalSeconds = (int)fields.Number(mining, "mining.", "statusIntervalSeconds", 0, 1, 3600, config.StatusIntervalSeconds, " s");
            config.OutboxCapacity = (int)fields.Number(mining, "mining.", "outboxCapacity", 0, 1, 1024, config.OutboxCapacity, " shares");
            JsonValue? algorithms = mining == null ? null : mining.Member("algorithms");
            if (algorithms != null)
            {
                config.Algorithms = ReadAlgorithms(fields, algorithms);
            }
        }

        private static void ReadEnergy(ConfigFields fields, JsonValue? energy, FirmwareConfig config, string? chipModel)
        {
            config.Energy = EnergySection.Read(fields, energy, config.HasBroker);
            if (config.Energy.Errors.Length > 0)
            {
                return;
            }

            string[] errors;
            config.EnergyPolicy = EnergySection.Policy(config.Energy, chipModel == null ? CheckChip : chipModel, out errors);
            for (int i = 0; i < errors.Length; i++)
            {
                fields.Add(errors[i]);
            }
        }

        private static string[] ReadAlgorithms(ConfigFields fields, JsonValue algorithms)
        {
            const string Allowed = "a list of \"sha256d\" and/or \"scrypt\", e.g. [\"sha256d\"]";
            if (algorithms.Kind != JsonKind.Array || algorithms.Count == 0)
            {
                fields.Add("mining.algorithms must be " + Allowed + ".");
                return new string[] { IotMinerAgent.Hashing.Algorithms.Sha256d };
            }

            string[] names = new string[algorithms.Count];
            for (int i = 0; i < names.Length; i++)
            {
                JsonValue item = algorithms[i];
                names[i] = item.Text;
                if (item.Kind != JsonKind.String || (item.Text != IotMinerAgent.Hashing.Algorithms.Sha256d && item.Text != IotMinerAgent.Hashing.Algorithms.Scrypt))
                {
                    fields.Add("mining.algorithms item " + (i + 1).ToString() + " (" + item.Text + ") is not an algorithm this firmware hashes: use " + Allowed + ".");
                }
            }

            return names;
        }
    }
}
