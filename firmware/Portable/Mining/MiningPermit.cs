namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>What the controller lets the mining loop do until its next decision: hash or not, and at which duty.</summary>
    public sealed class MiningPermit
    {
        /// <summary>Creates a permit.</summary>
        public MiningPermit(bool mayHash, int dutyPercent)
        {
            MayHash = mayHash;
            DutyPercent = dutyPercent;
        }

        /// <summary>False while paused for any reason.</summary>
        public bool MayHash { get; private set; }

        /// <summary>Share of each time slice spent hashing, 1..100 while <see cref="MayHash"/>.</summary>
        public int DutyPercent { get; private set; }
    }
}
