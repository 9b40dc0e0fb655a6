using System;
using IotMinerAgent.Firmware.Text;

namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// The line framing every <see cref="ITcpLineLink"/> shares: bytes are collected until <c>\n</c>, a <c>\r</c> before it
    /// is dropped, the line is decoded as UTF-8 (RFC 3629, ill-formed bytes replaced), and a line may not grow past
    /// <see cref="LongestLineBytes"/>.
    /// </summary>
    public sealed class TcpLine
    {
        /// <summary>
        /// The longest line accepted, in bytes. A Duino job line is two 40-character hashes and a difficulty (under 100
        /// bytes) and a feedback line a short reason; 512 leaves room without letting a peer exhaust a 100 KB heap.
        /// </summary>
        public const int LongestLineBytes = 512;

        private readonly byte[] _bytes = new byte[LongestLineBytes];
        private int _count;

        /// <summary>True when the bytes so far are more than a line may hold (the link must close).</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Forgets a partial line (after a reconnect).</summary>
        public void Reset()
        {
            _count = 0;
            Overflowed = false;
        }

        /// <summary>
        /// Adds <paramref name="b"/>; true when it ended a line, which is then in <paramref name="line"/> and the collector
        /// starts afresh.
        /// </summary>
        public bool Add(byte b, out string line)
        {
            line = string.Empty;
            if (b == (byte)'\n')
            {
                int length = _count > 0 && _bytes[_count - 1] == (byte)'\r' ? _count - 1 : _count;
                line = Utf8.GetString(_bytes, 0, length);
                _count = 0;
                return true;
            }

            if (_count == _bytes.Length)
            {
                Overflowed = true;
                return false;
            }

            _bytes[_count++] = b;
            return false;
        }

        /// <summary>
        /// The bytes of <paramref name="line"/> and its <c>\n</c>, as sent; a line that already ends with <c>\n</c> (as the
        /// Duino codec builds them) is not given a second one.
        /// </summary>
        public static byte[] Encode(string line)
        {
            if (line == null)
            {
                throw new ArgumentNullException("line");
            }

            bool terminated = line.Length > 0 && line[line.Length - 1] == '\n';
            return Utf8.GetBytes(terminated ? line : line + "\n");
        }
    }
}
