using System;

namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// A pool's answer to <c>JOB</c>: <c>&lt;last_hash&gt;,&lt;expected_hash&gt;,&lt;difficulty&gt;</c>, as the
    /// official miners split it (github.com/revoxhere/duino-coin, PC_Miner.py and ESP_Code/MiningJob.h).
    /// </summary>
    public sealed class DuinoJob
    {
        /// <summary>
        /// The largest difficulty accepted: 100·difficulty must fit a 32-bit nonce (the bound <see cref="DucoWork"/>
        /// enforces); the pools' own tiers stop at NET's 100000.
        /// </summary>
        public const uint MaxDifficulty = 42949672;

        private const int HashLength = 40;

        private readonly string _lastHash;
        private readonly string _expectedHash;
        private readonly uint _difficulty;

        /// <summary>Creates a job from validated fields (see <see cref="Parse"/>).</summary>
        /// <exception cref="DuinoProtocolException">When a field is malformed.</exception>
        public DuinoJob(string lastHash, string expectedHash, uint difficulty)
        {
            RequireHash(lastHash, "last_hash");
            RequireHash(expectedHash, "expected_hash");
            if (difficulty == 0 || difficulty > MaxDifficulty)
            {
                throw new DuinoProtocolException("Duino job difficulty " + difficulty + " is out of range: it must be 1.." + MaxDifficulty + ".");
            }

            _lastHash = lastHash;
            _expectedHash = expectedHash;
            _difficulty = difficulty;
        }

        /// <summary>The previous block hash, 40 hex digits, hashed as the ASCII text it is.</summary>
        public string LastHash
        {
            get { return _lastHash; }
        }

        /// <summary>The SHA-1 digest the solution produces, 40 hex digits.</summary>
        public string ExpectedHash
        {
            get { return _expectedHash; }
        }

        /// <summary>The job difficulty: the solution is in 0..100·difficulty.</summary>
        public uint Difficulty
        {
            get { return _difficulty; }
        }

        /// <summary>Parses the job line (without its newline).</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="line"/> is null.</exception>
        /// <exception cref="DuinoProtocolException">When the line is not three fields of the right shape.</exception>
        public static DuinoJob Parse(string line)
        {
            if (line == null)
            {
                throw new ArgumentNullException("line");
            }

            string[] fields = line.Split(',');
            if (fields.Length != 3)
            {
                throw new DuinoProtocolException("A Duino job is <last_hash>,<expected_hash>,<difficulty>: expected 3 fields, got " + fields.Length + ".");
            }

            return new DuinoJob(fields[0], fields[1], ParseDifficulty(fields[2]));
        }

        /// <summary>The job as work for the DUCO-S1 scanners.</summary>
        public DucoWork ToWork()
        {
            return new DucoWork(_lastHash, Hex.Decode(_expectedHash), _difficulty);
        }

        private static uint ParseDifficulty(string text)
        {
            if (text.Length == 0 || text.Length > 8)
            {
                throw new DuinoProtocolException("Duino job difficulty must be 1 to 8 decimal digits, got " + text.Length + " characters.");
            }

            uint value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    throw new DuinoProtocolException("Duino job difficulty must be decimal digits; found a non-digit at " + i + ".");
                }

                value = (value * 10) + (uint)(c - '0');
            }

            return value;
        }

        private static void RequireHash(string hash, string field)
        {
            if (hash == null || hash.Length != HashLength)
            {
                throw new DuinoProtocolException("Duino job " + field + " must be " + HashLength + " hex digits, got " + (hash == null ? 0 : hash.Length) + " characters.");
            }

            for (int i = 0; i < hash.Length; i++)
            {
                char c = hash[i];
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex)
                {
                    throw new DuinoProtocolException("Duino job " + field + " must be hex digits; found a non-hex character at " + i + ".");
                }
            }
        }
    }
}
