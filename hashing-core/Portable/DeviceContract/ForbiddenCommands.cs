namespace IotMinerAgent.Hashing.DeviceContract
{
    /// <summary>
    /// Commands no device ever takes over MQTT: anything that decides where the rewards go or what is mined. Anyone
    /// who can publish to the broker could otherwise redirect the payouts, so these settings live only in a
    /// configuration file on the machine (the agent's, or the gateway's for ESP32 devices). Every parser refuses these
    /// names before it reads the payload, whatever their letter case, with <see cref="Reason"/>.
    /// </summary>
    public static class ForbiddenCommands
    {
        /// <summary>
        /// The names: the pool (<c>pool</c>, <c>url</c>, <c>stratum</c>, …), the account the pool credits
        /// (<c>user</c>, <c>wallet</c>, <c>worker</c>, <c>password</c>), the payout address, and the algorithm (switching
        /// it would switch the pool and coin). Lowercase.
        /// </summary>
        public static readonly string[] Names =
        {
            "pool", "pools", "set_pool", "url", "stratum", "host", "port",
            "user", "username", "worker", "password", "pass", "wallet", "address",
            "payout", "payout_address", "set_payout",
            "algo", "algorithm", "coin",
        };

        /// <summary>Why they are refused; each platform appends where the setting is changed instead.</summary>
        public const string Reason =
            "the pool, the payout address, the account and the algorithm can never be changed over MQTT (a broker or anyone who can publish to it could redirect the rewards)";

        /// <summary>True when <paramref name="name"/> is one of <see cref="Names"/>, ignoring ASCII letter case.</summary>
        public static bool IsForbidden(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (AsciiCase.Equal(name, Names[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
