namespace IotMinerAgent.Hashing.DeviceContract
{
    /// <summary>
    /// Ordinal comparison that folds only ASCII letters (not culture rules, which differ between .NET and
    /// nanoFramework): <c>POOL</c> and <c>Pool</c> are <c>pool</c>, anything outside ASCII must match exactly.
    /// </summary>
    internal static class AsciiCase
    {
        /// <summary>True when <paramref name="text"/> is <paramref name="word"/> up to ASCII letter case.</summary>
        internal static bool Equal(string? text, string word)
        {
            if (text == null || text.Length != word.Length)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (Lower(text[i]) != Lower(word[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }
    }
}
