using System;

namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// The lines a miner sends a Duino-Coin pool, newline-terminated, comma-separated, as the official miners write
    /// them (github.com/revoxhere/duino-coin: PC_Miner.py, ESP_Code/MiningJob.h).
    /// </summary>
    public static class DuinoRequests
    {
        /// <summary>Asks the pool for its message of the day (answered with one text line).</summary>
        public const string Motd = "MOTD\n";

        /// <summary>Asks the pool whether the connection is alive (answered with <see cref="Pong"/>).</summary>
        public const string Ping = "PING\n";

        /// <summary>The pool's answer to <see cref="Ping"/> (without newline).</summary>
        public const string Pong = "Pong!";

        /// <summary>What the official miners send as the mining key when the account has none.</summary>
        public const string NoMiningKey = "None";

        /// <summary>
        /// <c>JOB,&lt;user&gt;,&lt;tier&gt;,&lt;mining_key&gt;[,&lt;iot data&gt;]</c>: an empty key is sent as
        /// <see cref="NoMiningKey"/>, an empty IoT field is left out (build it with <see cref="DuinoIotField"/>).
        /// </summary>
        /// <exception cref="ArgumentException">When a field is missing or holds a comma or a line break.</exception>
        public static string Job(string user, DuinoTier tier, string miningKey, string iotData)
        {
            if (tier == null)
            {
                throw new ArgumentNullException("tier");
            }

            RequireField(user, "user", false);
            RequireField(miningKey, "miningKey", true);
            RequireField(iotData, "iotData", true);
            string key = miningKey == null || miningKey.Length == 0 ? NoMiningKey : miningKey;
            string line = "JOB," + user + "," + tier.Name + "," + key;
            return iotData == null || iotData.Length == 0 ? line + "\n" : line + "," + iotData + "\n";
        }

        /// <summary>
        /// <c>&lt;nonce&gt;,&lt;hashrate&gt;,&lt;miner name ver&gt;,&lt;rig id&gt;,DUCOID&lt;chip id&gt;,&lt;wallet id&gt;</c>.
        /// The hash rate is written in H/s with two decimals, truncated (never rounded up: the pools refuse a rate
        /// above the one they measure). An empty chip id leaves the field empty, as the official PC miner does.
        /// </summary>
        /// <exception cref="ArgumentException">When a field is missing, holds a comma or a line break, or the rate is negative.</exception>
        public static string Submit(uint nonce, double hashesPerSecond, string minerNameAndVersion, string rigId, string chipId, uint walletId)
        {
            RequireField(minerNameAndVersion, "minerNameAndVersion", false);
            RequireField(rigId, "rigId", false);
            RequireField(chipId, "chipId", true);
            if (!(hashesPerSecond >= 0) || hashesPerSecond > 1e15)
            {
                throw new ArgumentException("The hash rate must be 0..1e15 H/s.", "hashesPerSecond");
            }

            string chip = chipId == null || chipId.Length == 0 ? string.Empty : "DUCOID" + chipId;
            return nonce + "," + Rate(hashesPerSecond) + "," + minerNameAndVersion + "," + rigId + "," + chip + "," + walletId + "\n";
        }

        /// <summary>A hash rate in H/s with two decimals, truncated toward zero.</summary>
        public static string Rate(double hashesPerSecond)
        {
            ulong hundredths = (ulong)(hashesPerSecond * 100);
            ulong fraction = hundredths % 100;
            return (hundredths / 100) + "." + (fraction < 10 ? "0" : string.Empty) + fraction;
        }

        private static void RequireField(string value, string name, bool mayBeEmpty)
        {
            if (value == null || value.Length == 0)
            {
                if (mayBeEmpty)
                {
                    return;
                }

                throw new ArgumentException("The Duino field '" + name + "' is required.", name);
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == ',' || c == '\n' || c == '\r')
                {
                    throw new ArgumentException("The Duino field '" + name + "' must not hold a comma or a line break (found one at " + i + "): the pool splits lines on them.", name);
                }
            }
        }
    }
}
