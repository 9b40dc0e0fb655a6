using System;

namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// The Duino-Coin start-difficulty tiers, easiest first. The names are those the official miners request
    /// (github.com/revoxhere/duino-coin: AVR_Miner.py, ESP_Code/MiningJob.h, PC_Miner.py); the start difficulties are
    /// the ones the official pools hand out (AVR 6, ARM 100, ESP8266 1000, ESP32 1500, LOW 7500, MEDIUM 75000,
    /// NET 100000). ESP8266H is the official ESP8266 miner's 160 MHz request; the pools publish no separate start
    /// difficulty for it, so it starts at the ESP8266 one; every job carries the difficulty the pool really chose.
    /// </summary>
    public static class DuinoTiers
    {
        /// <summary>Arduino boards (AVR microcontrollers).</summary>
        public static readonly DuinoTier Avr = new DuinoTier("AVR", 6, 0);

        /// <summary>ARM microcontroller boards.</summary>
        public static readonly DuinoTier Arm = new DuinoTier("ARM", 100, 1);

        /// <summary>ESP8266 boards at 80 MHz.</summary>
        public static readonly DuinoTier Esp8266 = new DuinoTier("ESP8266", 1000, 2);

        /// <summary>ESP8266 boards at 160 MHz.</summary>
        public static readonly DuinoTier Esp8266H = new DuinoTier("ESP8266H", 1000, 3);

        /// <summary>ESP32 boards.</summary>
        public static readonly DuinoTier Esp32 = new DuinoTier("ESP32", 1500, 4);

        /// <summary>Computers, low start difficulty.</summary>
        public static readonly DuinoTier Low = new DuinoTier("LOW", 7500, 5);

        /// <summary>Computers, medium start difficulty (the official PC miner's default).</summary>
        public static readonly DuinoTier Medium = new DuinoTier("MEDIUM", 75000, 6);

        /// <summary>Computers, the network difficulty (the hardest tier).</summary>
        public static readonly DuinoTier Net = new DuinoTier("NET", 100000, 7);

        private static readonly DuinoTier[] Table = new DuinoTier[] { Avr, Arm, Esp8266, Esp8266H, Esp32, Low, Medium, Net };

        /// <summary>How many tiers there are.</summary>
        public static int Count
        {
            get { return Table.Length; }
        }

        /// <summary>The tier at <paramref name="rank"/> (0 = easiest).</summary>
        public static DuinoTier At(int rank)
        {
            if (rank < 0 || rank >= Table.Length)
            {
                throw new ArgumentOutOfRangeException("rank", "A Duino tier rank is 0.." + (Table.Length - 1) + ", not " + rank + ".");
            }

            return Table[rank];
        }

        /// <summary>The tier named <paramref name="name"/> (any case); false for an unknown name.</summary>
        public static bool TryFind(string name, out DuinoTier tier)
        {
            tier = Medium;
            if (name == null)
            {
                return false;
            }

            string wanted = name.Trim().ToUpper();
            for (int i = 0; i < Table.Length; i++)
            {
                if (Table[i].Name == wanted)
                {
                    tier = Table[i];
                    return true;
                }
            }

            return false;
        }

        /// <summary>The tier names, easiest first, joined by ", " (for error messages).</summary>
        public static string Names()
        {
            string names = string.Empty;
            for (int i = 0; i < Table.Length; i++)
            {
                names = i == 0 ? Table[i].Name : names + ", " + Table[i].Name;
            }

            return names;
        }

        /// <summary>The next harder tier, or <paramref name="tier"/> itself when it is the hardest.</summary>
        public static DuinoTier Next(DuinoTier tier)
        {
            if (tier == null)
            {
                throw new ArgumentNullException("tier");
            }

            return Table[tier.Rank + 1 < Table.Length ? tier.Rank + 1 : tier.Rank];
        }

        /// <summary>The next easier tier, or <paramref name="tier"/> itself when it is the easiest.</summary>
        public static DuinoTier Previous(DuinoTier tier)
        {
            if (tier == null)
            {
                throw new ArgumentNullException("tier");
            }

            return Table[tier.Rank > 0 ? tier.Rank - 1 : 0];
        }
    }
}
