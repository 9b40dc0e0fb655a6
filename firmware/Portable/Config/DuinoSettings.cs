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

        /// <summary>
        /// The tiers a board may ask for: the board tiers and the PC tiers of the official miners
        /// (github.com/revoxhere/duino-coin, the ESP32/ESP8266/AVR miners and PC_Miner.py).
        /// </summary>
        public static readonly string[] Tiers = { "AVR", "ARM", "ESP8266", "ESP8266H", "ESP32", "LOW", "MEDIUM", "NET" };

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

        /// <summary>The start-difficulty tier (key <c>duino.difficulty</c>, one of <see cref="Tiers"/>).</summary>
        public string Difficulty { get; set; }

        /// <summary>The rig name the pool shows (key <c>duino.rigId</c>, default the device id).</summary>
        public string RigId { get; set; }

        /// <summary>True when <paramref name="tier"/> is one of <see cref="Tiers"/> (exact case, as the pools compare it).</summary>
        public static bool IsTier(string tier)
        {
            for (int i = 0; i < Tiers.Length; i++)
            {
                if (Tiers[i] == tier)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
