using System;

namespace IotMinerAgent.Firmware.Text
{
    /// <summary>
    /// Builds a string from pieces in a growing char array. nanoFramework's StringBuilder lives in the separate
    /// nanoFramework.System.Text assembly, and portable code may use mscorlib only (firmware/README.md), so the few
    /// messages the device writes are assembled here instead.
    /// </summary>
    public sealed class TextBuffer
    {
        private char[] _chars;
        private int _length;

        /// <summary>An empty buffer with room for <paramref name="capacity"/> chars before it grows.</summary>
        public TextBuffer(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "A text buffer needs room for at least one char.");
            }

            _chars = new char[capacity];
        }

        /// <summary>The number of chars appended so far.</summary>
        public int Length => _length;

        /// <summary>Appends one char.</summary>
        public TextBuffer Append(char c)
        {
            Reserve(1);
            _chars[_length++] = c;
            return this;
        }

        /// <summary>Appends a string; null appends nothing, as StringBuilder.Append(null) does.</summary>
        public TextBuffer Append(string? text)
        {
            if (text == null)
            {
                return this;
            }

            Reserve(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                _chars[_length++] = text[i];
            }

            return this;
        }

        /// <summary>The text appended so far.</summary>
        public override string ToString()
        {
            return new string(_chars, 0, _length);
        }

        // Doubling keeps appends amortised O(1), as StringBuilder does.
        private void Reserve(int more)
        {
            int needed = _length + more;
            if (needed <= _chars.Length)
            {
                return;
            }

            int size = _chars.Length * 2;
            if (size < needed)
            {
                size = needed;
            }

            char[] grown = new char[size];
            Array.Copy(_chars, grown, _length);
            _chars = grown;
        }
    }
}
