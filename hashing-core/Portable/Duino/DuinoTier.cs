namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// One Duino-Coin start-difficulty tier: the name a miner puts in its <c>JOB</c> request, and the difficulty the
    /// pool starts that tier at. <see cref="DuinoTiers"/> holds the table, easiest first.
    /// </summary>
    public sealed class DuinoTier
    {
        private readonly string _name;
        private readonly uint _startDifficulty;
        private readonly int _rank;

        internal DuinoTier(string name, uint startDifficulty, int rank)
        {
            _name = name;
            _startDifficulty = startDifficulty;
            _rank = rank;
        }

        /// <summary>The tier as the <c>JOB</c> request spells it (<c>ESP32</c>, <c>LOW</c>, ...).</summary>
        public string Name
        {
            get { return _name; }
        }

        /// <summary>The difficulty the pool hands this tier's first job (nonces 0..100·difficulty).</summary>
        public uint StartDifficulty
        {
            get { return _startDifficulty; }
        }

        /// <summary>The position in <see cref="DuinoTiers"/>, 0 for the easiest tier.</summary>
        public int Rank
        {
            get { return _rank; }
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return _name;
        }
    }
}
