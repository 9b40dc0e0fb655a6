using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// Hexadecimal text to bytes and back. nanoFramework has no Convert.FromHexString, and miners need the
    /// display order too: block explorers and pools print 256-bit hashes byte-reversed (most significant byte first).
    /// </summary>
    public static class Hex
    {
        private const string LowercaseDigits = "0123456789abcdef";

        /// <summary>Decodes hex text (either case) into bytes, in the order written.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="hex"/> is null.</exception>
        /// <exception cref="ArgumentException">When the length is odd or a character is not a hex digit; the message names the position.</exception>
        public static byte[] Decode(string hex)
        {
            if (hex == null)
            {
                throw new ArgumentNullException("hex");
            }

            if ((hex.Length & 1) != 0)
            {
                throw new ArgumentException(
                    "Hex text has an odd number of characters (" + hex.Length + "): every byte is exactly two hex digits.", "hex");
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((DigitValue(hex, 2 * i) << 4) | DigitValue(hex, (2 * i) + 1));
            }

            return bytes;
        }

        /// <summary>Decodes display-order hex (most significant byte first, as explorers print hashes) into the raw byte order.</summary>
        /// <exception cref="ArgumentException">As <see cref="Decode"/>.</exception>
        public static byte[] DecodeReversed(string hex)
        {
            byte[] bytes = Decode(hex);
            for (int i = 0, j = bytes.Length - 1; i < j; i++, j--)
            {
                byte swap = bytes[i];
                bytes[i] = bytes[j];
                bytes[j] = swap;
            }

            return bytes;
        }

        /// <summary>Encodes bytes as lowercase hex, in the order given.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="bytes"/> is null.</exception>
        public static string Encode(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException("bytes");
            }

            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = LowercaseDigits[bytes[i] >> 4];
                text[(2 * i) + 1] = LowercaseDigits[bytes[i] & 0xF];
            }

            return new string(text);
        }

        /// <summary>Encodes bytes as lowercase hex, last byte first: the display order of a raw hash.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="bytes"/> is null.</exception>
        public static string EncodeReversed(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException("bytes");
            }

            byte[] reversed = new byte[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                reversed[i] = bytes[bytes.Length - 1 - i];
            }

            return Encode(reversed);
        }

        private static int DigitValue(string hex, int position)
        {
            char c = hex[position];
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            throw new ArgumentException(
                "Hex text has '" + c + "' at position " + position + ", which is not a hex digit (use 0-9, a-f or A-F).", "hex");
        }
    }
}
