namespace IotMinerAgent.Hashing
{
    /// <summary>The proof-of-work algorithms, by the names used on the command line, in configuration and on MQTT.</summary>
    public static class Algorithms
    {
        /// <summary>Double SHA-256 of an 80-byte header (Bitcoin).</summary>
        public const string Sha256d = "sha256d";

        /// <summary>scrypt N=1024, r=1, p=1 of an 80-byte header (Litecoin).</summary>
        public const string Scrypt = "scrypt";

        /// <summary>SHA-1 of the last hash and a decimal nonce (Duino-Coin).</summary>
        public const string DucoS1 = "duco-s1";
    }
}
