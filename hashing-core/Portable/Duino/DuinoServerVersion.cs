namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// The version line a Duino-Coin pool sends first on every connection (e.g. <c>4.3</c>; the official PC miner
    /// reads it as a number and warns when the server is newer than itself).
    /// </summary>
    public static class DuinoServerVersion
    {
        /// <summary>The longest version line taken for one: the official PC miner reads 5 bytes for it.</summary>
        public const int MaxLength = 8;

        /// <summary>True when <paramref name="line"/> looks like a version: digits with at most one dot, ≤ 8 characters.</summary>
        public static bool IsVersion(string line)
        {
            if (line == null || line.Length == 0 || line.Length > MaxLength)
            {
                return false;
            }

            int dots = 0;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return dots <= 1 && line[0] != '.' && line[line.Length - 1] != '.';
        }
    }
}
