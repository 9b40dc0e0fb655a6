namespace IotMinerAgent.Governor.Energy
{
    /// <summary>
    /// What one board draws at the wall when idle and when mining on every core, with where those figures come from.
    /// Power at a given load is estimated linearly between the two: idle + load × (full load − idle).
    /// Integer milliwatts and parts per million, because the ESP32 has no double FPU.
    /// </summary>
    public sealed class BoardPower
    {
        /// <summary>Full load in parts per million (the governor's load unit: every thread hashing all the time).</summary>
        public const int FullLoadPpm = 1000000;

        private readonly string _board;
        private readonly int _idleMilliwatts;
        private readonly int _fullLoadMilliwatts;
        private readonly string _source;

        /// <summary>Creates a board entry; <paramref name="idleMilliwatts"/> must not exceed <paramref name="fullLoadMilliwatts"/>.</summary>
        public BoardPower(string board, int idleMilliwatts, int fullLoadMilliwatts, string source)
        {
            _board = board;
            _idleMilliwatts = idleMilliwatts;
            _fullLoadMilliwatts = fullLoadMilliwatts;
            _source = source;
        }

        /// <summary>The board's name as the owner knows it ("Raspberry Pi 4 Model B").</summary>
        public string Board
        {
            get { return _board; }
        }

        /// <summary>Whole-board draw with nothing mining, in milliwatts.</summary>
        public int IdleMilliwatts
        {
            get { return _idleMilliwatts; }
        }

        /// <summary>Whole-board draw with every core busy, in milliwatts.</summary>
        public int FullLoadMilliwatts
        {
            get { return _fullLoadMilliwatts; }
        }

        /// <summary>The public measurement or datasheet the figures come from.</summary>
        public string Source
        {
            get { return _source; }
        }

        /// <summary>
        /// Estimated whole-board draw at <paramref name="loadPpm"/> (0..<see cref="FullLoadPpm"/>, clamped), in milliwatts:
        /// idle + load × (full load − idle), rounded to the nearest milliwatt.
        /// </summary>
        public int DrawMilliwatts(int loadPpm)
        {
            long load = loadPpm < 0 ? 0 : (loadPpm > FullLoadPpm ? FullLoadPpm : loadPpm);
            long extra = ((long)_fullLoadMilliwatts - _idleMilliwatts) * load;
            return _idleMilliwatts + (int)((extra + (FullLoadPpm / 2)) / FullLoadPpm);
        }
    }
}
