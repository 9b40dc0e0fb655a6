using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Integer helpers for the fixed-point control code. nanoFramework's mscorlib has no Math.Clamp and the ESP32
    /// has no double FPU, so the governor works in milli-°C and in parts per million (ppm) of full load.
    /// </summary>
    internal static class FixedPoint
    {
        /// <summary>Full load (every configured thread hashing all the time) in ppm.</summary>
        public const int FullLoadPpm = 1000000;

        /// <summary>Parts per million in one percent.</summary>
        public const int PpmPerPercent = 10000;

        /// <summary><paramref name="value"/> limited to [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static long Clamp(long value, long min, long max)
        {
            if (value < min)
            {
                return min;
            }

            return value > max ? max : value;
        }

        /// <summary><paramref name="value"/> limited to [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static int Clamp(int value, int min, int max)
        {
            if (value < min)
            {
                return min;
            }

            return value > max ? max : value;
        }

        /// <summary>The smaller of two values (nanoFramework's Math lacks long overloads).</summary>
        public static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        /// <summary>The larger of two values.</summary>
        public static long Max(long a, long b)
        {
            return a > b ? a : b;
        }

        /// <summary>Division rounding half away from zero, for a positive divisor.</summary>
        public static long DivideRounded(long numerator, long divisor)
        {
            long half = divisor / 2;
            return numerator >= 0 ? (numerator + half) / divisor : -((-numerator + half) / divisor);
        }
    }
}
