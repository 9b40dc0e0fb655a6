using System;

namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// The IoT field of a <c>JOB</c> request, which the pool shows beside the worker: readings like <c>Temp:48.2*C</c>
    /// joined by '@', in the characters the official ESP miner sends (letters, digits, space and <c>:.*%@-</c>; '*'
    /// stands for the degree sign because the nodes read plain ASCII, PC_Miner.py), at most
    /// <see cref="MaxLength"/> characters.
    /// </summary>
    public static class DuinoIotField
    {
        /// <summary>The longest IoT field the pools keep.</summary>
        public const int MaxLength = 48;

        /// <summary>The temperature reading, one decimal (rounded half away from zero): <c>Temp:48.2*C</c>.</summary>
        public static string Temperature(double celsius)
        {
            if (!(celsius > -1000 && celsius < 10000))
            {
                throw new ArgumentOutOfRangeException("celsius", "A board temperature is -1000..10000 °C.");
            }

            long tenths = (long)((celsius * 10) + (celsius < 0 ? -0.5 : 0.5));
            long magnitude = tenths < 0 ? -tenths : tenths;
            string sign = tenths < 0 ? "-" : string.Empty;
            return "Temp:" + sign + (magnitude / 10) + "." + (magnitude % 10) + "*C";
        }

        /// <summary>
        /// The text with every character the pool does not allow dropped, then cut to <see cref="MaxLength"/>;
        /// empty for null.
        /// </summary>
        public static string Clean(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }

            char[] kept = new char[text.Length < MaxLength ? text.Length : MaxLength];
            int count = 0;
            for (int i = 0; i < text.Length && count < kept.Length; i++)
            {
                if (IsAllowed(text[i]))
                {
                    kept[count++] = text[i];
                }
            }

            return new string(kept, 0, count);
        }

        /// <summary>True for a character the IoT field may carry.</summary>
        public static bool IsAllowed(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ' ' || c == ':' || c == '.' || c == '*' || c == '%' || c == '@' || c == '-';
        }
    }
}
