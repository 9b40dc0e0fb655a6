namespace IotMinerAgent.Governor
{
    /// <summary>What the governor lets the miner do.</summary>
    public enum GovernorState
    {
        /// <summary>Mining at the full allowed duty.</summary>
        Mining = 0,

        /// <summary>Mining at a reduced duty.</summary>
        Throttled = 1,

        /// <summary>Not mining.</summary>
        Paused = 2,
    }
}
