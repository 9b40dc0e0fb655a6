using System;

namespace IotMinerAgent.Firmware.Text
{
    /// <summary>
    /// UTF-8 (RFC 3629) to and from strings with mscorlib alone: nanoFramework's Encoding.UTF8 lives in the separate
    /// nanoFramework.System.Text assembly, which portable code may not use (firmware/README.md). Ill-formed input is
    /// replaced with U+FFFD, one per maximal subpart (Unicode 15, §3.9, "U+FFFD Substitution of Maximal Subparts"),
    /// which is what .NET's Encoding.UTF8 does, so the device and its .NET twin read the same bytes the same way.
    /// </summary>
    public static class Utf8
    {
        private const char Replacement = '\uFFFD';

        /// <summary>Decodes <paramref name="count"/> bytes from <paramref name="index"/>.</summary>
        public static string GetString(byte[] bytes, int index, int count)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            if (index < 0 || count < 0 || index > bytes.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "index and count must lie inside the byte array.");
            }

            char[] chars = new char[count];
            int n = 0;
            int i = index;
            int end = index + count;
            while (i < end)
            {
                int lead = bytes[i];
                if (lead < 0x80)
                {
                    chars[n++] = (char)lead;
                    i++;
                    continue;
                }

                int trail = TrailCount(lead);
                if (trail == 0)
                {
                    chars[n++] = Replacement;
                    i++;
                    continue;
                }

                int codePoint = lead & (0x3F >> trail);
                int j = i + 1;
                int read = 0;
                while (read < trail && j < end && IsTrail(lead, read, bytes[j]))
                {
                    codePoint = (codePoint << 6) | (bytes[j] & 0x3F);
                    j++;
                    read++;
                }

                i = j;
                if (read < trail)
                {
                    // A maximal subpart: a valid start cut short by the end or by a byte that cannot follow.
                    chars[n++] = Replacement;
                }
                else if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[n++] = (char)(0xD800 + (codePoint >> 10));
                    chars[n++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)codePoint;
                }
            }

            return new string(chars, 0, n);
        }

        /// <summary>Encodes <paramref name="text"/>; an unpaired surrogate becomes U+FFFD (EF BF BD).</summary>
        public static byte[] GetBytes(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            byte[] bytes = new byte[ByteCount(text)];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (IsPair(text, i))
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = Replacement;
                }

                if (c < 0x80)
                {
                    bytes[n++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    bytes[n++] = (byte)(0xC0 | (c >> 6));
                    bytes[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0x10000)
                {
                    bytes[n++] = (byte)(0xE0 | (c >> 12));
                    bytes[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    bytes[n++] = (byte)(0xF0 | (c >> 18));
                    bytes[n++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    bytes[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[n++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return bytes;
        }

        private static int ByteCount(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (IsPair(text, i))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                }
            }

            return count;
        }

        private static bool IsPair(string text, int i)
        {
            return text[i] >= 0xD800 && text[i] <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF;
        }

        // RFC 3629 §4: C2..DF take one trail byte, E0..EF two, F0..F4 three; C0, C1 and F5..FF never start a sequence.
        private static int TrailCount(int lead)
        {
            return lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
        }

        // RFC 3629 §4: the second byte's range after E0, ED, F0 and F4 excludes overlong forms, surrogates and code
        // points past U+10FFFF; every other trail byte is 80..BF.
        private static bool IsTrail(int lead, int position, byte b)
        {
            if (position == 0)
            {
                switch (lead)
                {
                    case 0xE0: return b >= 0xA0 && b <= 0xBF;
                    case 0xED: return b >= 0x80 && b <= 0x9F;
                    case 0xF0: return b >= 0x90 && b <= 0xBF;
                    case 0xF4: return b >= 0x80 && b <= 0x8F;
                }
            }

            return b >= 0x80 && b <= 0xBF;
        }
    }
}
