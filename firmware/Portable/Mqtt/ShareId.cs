using System;

namespace IotMinerAgent.Firmware.Mqtt
{
    /// <summary>
    /// Share ids as UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, version 7, 74 random bits, so ids sort by
    /// time found like the Linux agent's. Before SNTP has set the clock the time part is the uptime, still unique.
    /// </summary>
    public sealed class ShareId
    {
        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1).Ticks;
        private readonly Random _random = new Random();

        /// <summary>A new id for a share found at <paramref name="unixMs"/>.</summary>
        public string Next(long unixMs)
        {
            byte[] bytes = new byte[16];
            _random.NextBytes(bytes);
            for (int i = 0; i < 6; i++)
            {
                bytes[i] = (byte)(unixMs >> (8 * (5 - i)));
            }

            bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
            bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
            string hex = IotMinerAgent.Hashing.Hex.Encode(bytes);
            return hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20);
        }

        /// <summary>Unix milliseconds of a UTC time.</summary>
        public static long UnixMs(DateTime utc)
        {
            return (utc.Ticks - UnixEpochTicks) / 10000;
        }
    }
}
