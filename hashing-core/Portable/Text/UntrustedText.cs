using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The one rule for text that came from outside (a pool, a node, an MQTT publisher, a device) before it is logged,
    /// shown, stored or published: characters a terminal or a log viewer would act on become visible escapes, and the
    /// length is bounded. Escaped are the C0 controls and DEL (ECMA-48 / ISO 6429: ESC starts CSI and OSC sequences, so
    /// a pool could clear the screen or, with OSC 52, write the clipboard; CR overwrites a line), the C1 controls
    /// U+0080..U+009F (U+009B is a one-character CSI), the Unicode bidirectional formatting characters (UAX #9:
    /// U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates, and the marks U+200E, U+200F, U+061C) that can
    /// reorder what a reader sees (CVE-2021-42574, "Trojan Source"), the line and paragraph separators U+2028/U+2029,
    /// and unpaired surrogates (not text: they would become U+FFFD or invalid UTF-8 further on). Valid surrogate pairs
    /// stay intact. A backslash is kept as it is, so escaping twice changes nothing.
    /// </summary>
    /// <remarks>Portable: compiled for nanoFramework too, so no StringBuilder, generics or spans; a char buffer instead.</remarks>
    public static class UntrustedText
    {
        /// <summary>Appended when the text was cut; counted within the bound.</summary>
        public const string TruncationMark = "...";

        private const string HexDigits = "0123456789abcdef";

        // The longest escape written for one UTF-16 unit: \uXXXX.
        private const int LongestEscape = 6;

        /// <summary>
        /// <paramref name="text"/> with every control, bidi formatting character and unpaired surrogate written as
        /// <c>\xHH</c> (below U+0100) or <c>\uHHHH</c>, cut to at most <paramref name="maxLength"/> characters (the
        /// cut never splits an escape or a surrogate pair and ends with <see cref="TruncationMark"/>). Null gives "".
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxLength"/> is shorter than the truncation mark.</exception>
        public static string Escape(string? text, int maxLength)
        {
            return Sanitize(text, maxLength, false);
        }

        /// <summary>
        /// As <see cref="Escape"/>, and every other character outside printable ASCII (U+0020..U+007E) is escaped too:
        /// for wire formats and displays that take ASCII only (a device verdict's reason).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxLength"/> is shorter than the truncation mark.</exception>
        public static string EscapeToAscii(string? text, int maxLength)
        {
            return Sanitize(text, maxLength, true);
        }

        /// <summary>True when <paramref name="c"/> is written as an escape by <see cref="Escape"/> (surrogates aside).</summary>
        public static bool IsUnsafe(char c)
        {
            int code = c;
            return code < 0x20
                || (code >= 0x7F && code <= 0x9F)
                || (code >= 0x202A && code <= 0x202E)
                || (code >= 0x2066 && code <= 0x2069)
                || code == 0x200E || code == 0x200F || code == 0x061C
                || code == 0x2028 || code == 0x2029;
        }

        /// <summary>True when <paramref name="text"/> is 1 to <paramref name="maxLength"/> characters, all printable ASCII (U+0020..U+007E).</summary>
        public static bool IsPrintableAscii(string? text, int maxLength)
        {
            if (text == null || text.Length == 0 || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < ' ' || text[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }

        private static string Sanitize(string? text, int maxLength, bool asciiOnly)
        {
            if (maxLength < TruncationMark.Length)
            {
                throw new ArgumentOutOfRangeException("maxLength", "The bound must leave room for the truncation mark (" + TruncationMark.Length.ToString() + " characters).");
            }

            if (text == null || text.Length == 0)
            {
                return string.Empty;
            }

            if (text.Length <= maxLength && IsClean(text, asciiOnly))
            {
                return text;
            }

            // Only as much of the input as can reach the output is read: a huge input costs no more than the bound.
            int capacity = text.Length > maxLength / LongestEscape ? maxLength : text.Length * LongestEscape;
            char[] buffer = new char[capacity + 2 * LongestEscape];
            int written = 0;
            int fits = 0;
            int limit = maxLength - TruncationMark.Length;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (!asciiOnly && IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    buffer[written++] = c;
                    buffer[written++] = text[i + 1];
                    i += 2;
                }
                else
                {
                    written = Write(buffer, written, c, NeedsEscape(c, asciiOnly));
                    i++;
                }

                if (written > maxLength)
                {
                    return new string(buffer, 0, fits) + TruncationMark;
                }

                if (written <= limit)
                {
                    fits = written;
                }
            }

            return new string(buffer, 0, written);
        }

        private static bool IsClean(string text, bool asciiOnly)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!asciiOnly && IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (NeedsEscape(c, asciiOnly))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool NeedsEscape(char c, bool asciiOnly)
        {
            return asciiOnly ? c < ' ' || c > '~' : IsUnsafe(c) || IsHighSurrogate(c) || IsLowSurrogate(c);
        }

        private static int Write(char[] buffer, int at, char c, bool escape)
        {
            if (!escape)
            {
                buffer[at] = c;
                return at + 1;
            }

            int code = c;
            buffer[at++] = '\\';
            if (code < 0x100)
            {
                buffer[at++] = 'x';
            }
            else
            {
                buffer[at++] = 'u';
                buffer[at++] = HexDigits[(code >> 12) & 0xF];
                buffer[at++] = HexDigits[(code >> 8) & 0xF];
            }

            buffer[at++] = HexDigits[(code >> 4) & 0xF];
            buffer[at++] = HexDigits[code & 0xF];
            return at;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDBFF';
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= '\uDC00' && c <= '\uDFFF';
        }
    }
}
