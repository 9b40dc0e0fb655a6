namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// The reasons the Duino-Coin pools give after <c>BAD,</c>, as the official miners print them
    /// (github.com/revoxhere/duino-coin). A reason is compared exactly; an unknown one is kept as text.
    /// </summary>
    public static class DuinoBadReasons
    {
        /// <summary>The worker is faster than its tier allows: ask for the next harder tier.</summary>
        public const string TooLowStartingDifficulty = "Too low starting difficulty";

        /// <summary>The worker is slower than its tier allows: ask for the next easier tier.</summary>
        public const string TooHighStartingDifficulty = "Too high starting difficulty";

        /// <summary>The nonce does not produce the expected hash.</summary>
        public const string IncorrectResult = "Incorrect result";

        /// <summary>The user runs more workers than the pool allows; mining more only gets refused.</summary>
        public const string TooManyWorkers = "Too many workers";

        /// <summary>The reported hash rate is too far from the one the pool measured.</summary>
        public const string ModifiedHashrate = "Modified hashrate";

        /// <summary>The submit line could not be read.</summary>
        public const string InvalidData = "Invalid data";

        /// <summary>The job was too easy for the worker's speed.</summary>
        public const string TooLowDifficulty = "Too low difficulty";

        /// <summary>The account is banned; every further share is refused.</summary>
        public const string UserBanned = "User banned";

        /// <summary>True for the reasons after which mining on must stop (the pool refuses all work).</summary>
        public static bool StopsMining(string reason)
        {
            return reason == TooManyWorkers || reason == UserBanned;
        }
    }
}
