using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Firmware.Config
{
    /// <summary>
    /// Reads the <c>duino</c> section. The values travel in the pool protocol's comma-separated lines
    /// (<c>JOB,&lt;user&gt;,&lt;tier&gt;,&lt;key&gt;</c>), so a comma, a space or a control character in them would split or end
    /// a field: those are refused here, with the key named, rather than garbled on the wire.
    /// </summary>
    internal static class DuinoSection
    {
        private const int LongestName = 64;

        /// <summary>The settings of <paramref name="duino"/>; every problem goes to <paramref name="fields"/>.</summary>
        public static DuinoSettings Read(ConfigFields fields, JsonValue duino, string deviceId)
        {
            DuinoSettings settings = new DuinoSettings();
            settings.Username = fields.Text(duino, "duino.", "username", true, string.Empty,
                "set the Duino-Coin account the rewards go to, e.g. \"duino\": { \"username\": \"alice\", \"pool\": \"host:port\" }.");
            CheckName(fields, "duino.username", settings.Username, IsGivenText(duino, "username"));
            settings.MiningKey = fields.Text(duino, "duino.", "miningKey", false, string.Empty, "the account's mining key (wallet settings), or leave it out.");
            if (!IsFieldText(settings.MiningKey, 0))
            {
                // A secret: its length is shown, never the value.
                fields.Add("duino.miningKey (" + settings.MiningKey.Length.ToString() + " characters, not shown) must be at most " + LongestName.ToString() +
                    " characters without commas, spaces or control characters (it is a field of the pool's JOB line).");
            }

            ReadPool(fields, duino, settings);
            string difficulty = fields.Text(duino, "duino.", "difficulty", false, DuinoSettings.DefaultDifficulty, TierHint());
            DuinoTier tier;
            if (DuinoTiers.TryFind(difficulty, out tier))
            {
                settings.Difficulty = tier.Name;
            }
            else
            {
                fields.Add("duino.difficulty = \"" + difficulty + "\" is not a tier: " + TierHint());
            }

            settings.RigId = fields.Text(duino, "duino.", "rigId", false, deviceId, "the rig name the pool shows (default the device id).");
            CheckName(fields, "duino.rigId", settings.RigId, IsGivenText(duino, "rigId"));
            return settings;
        }

        private static void ReadPool(ConfigFields fields, JsonValue duino, DuinoSettings settings)
        {
            const string Hint = "set the pool as \"host:port\", e.g. \"pool\": \"51.15.127.80:2811\" (the board does not ask the node picker: take a pool from " +
                "https://server.duinocoin.com/getPool).";
            string pool = fields.Text(duino, "duino.", "pool", true, string.Empty, Hint);
            if (!IsGivenText(duino, "pool"))
            {
                return;
            }

            int colon = pool.LastIndexOf(':');
            string host = colon > 0 ? pool.Substring(0, colon) : string.Empty;
            string portText = colon > 0 ? pool.Substring(colon + 1) : string.Empty;
            int port = PortNumber(portText);
            bool portOk = port >= 1 && port <= 65535;
            if (!IsFieldText(host, 1) || !portOk)
            {
                fields.Add("duino.pool = \"" + pool + "\" is not host:port with a port of 1 to 65535: " + Hint);
                return;
            }

            settings.PoolHost = host;
            settings.PoolPort = port;
        }

        private static void CheckName(ConfigFields fields, string key, string value, bool given)
        {
            if (given && !IsFieldText(value, 1))
            {
                fields.Add(key + " = \"" + value + "\" must be 1 to " + LongestName.ToString() +
                    " characters without commas, spaces or control characters (it is a field of the pool's comma-separated lines).");
            }
        }

        // 1 to 5 decimal digits as a number, else -1 (no sign, no spaces: "host:+80" is a mistake, not port 80).
        private static int PortNumber(string text)
        {
            if (text.Length < 1 || text.Length > 5)
            {
                return -1;
            }

            int port = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                port = (port * 10) + (c - '0');
            }

            return port;
        }

        // Absent keys and wrong types are reported by ConfigFields already: only a given string is checked further.
        private static bool IsGivenText(JsonValue section, string name)
        {
            JsonValue? value = section.Member(name);
            return value != null && value.Kind == JsonKind.String;
        }

        // True for minLength..64 printable characters other than space and comma.
        private static bool IsFieldText(string value, int minLength)
        {
            if (value.Length < minLength || value.Length > LongestName)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c <= ' ' || c == ',' || c == (char)0x7f)
                {
                    return false;
                }
            }

            return true;
        }

        private static string TierHint()
        {
            return "use one of " + DuinoTiers.Names() + " (default " + DuinoSettings.DefaultDifficulty + ", the ESP32 board tier).";
        }
    }
}
