namespace IotMinerAgent.Firmware.Config
{
    /// <summary>
    /// The <c>duino</c> section of <c>I:\iotminer.json</c>: the board mines Duino-Coin straight from a Duino pool over TCP
    /// instead of taking device jobs from a gateway. Present means Duino mode; MQTT is then optional.
    /// </summary>
    public sealed class DuinoSettings
    {
        /// <summary>The start-difficulty tier of an ESP32, the default (the official ESP32 miner asks for it).</summary>
        public const string DefaultDifficulty = "ESP32";

        /// <summary>Settings with every optional value at its default; the required ones are empty.</summary>
        public DuinoSettings()
        {
            Username = string.Empty;
            MiningKey = string.Empty;
            PoolHost = string.Empty;
            Difficulty = DefaultDifficulty;
            RigId = string.Empty;
        }

        /// <summary>The Duino-Coin account the rewards go to (key <c>duino.username</c>, required).</summary>
        public string Username { get; set; }

        /// <summary>The account's mining key, empty when the account has none (key <c>duino.miningKey</c>; a secret).</summary>
        public string MiningKey { get; set; }

        /// <summary>The pool's host name or address (key <c>duino.pool</c>, <c>host:port</c>).</summary>
        public string PoolHost { get; set; }

        /// <summary>The pool's TCP port.</summary>
        public int PoolPort { get; set; }

        /// <summary>The start-difficulty tier (key <c>duino.difficulty</c>), as the pools spell it (the codec's <c>DuinoTiers</c>).</summary>
        public string Difficulty { get; set; }

        /// <summary>The rig name the pool shows (key <c>duino.rigId</c>, default the device id).</summary>
        public string RigId { get; set; }
    }
}
