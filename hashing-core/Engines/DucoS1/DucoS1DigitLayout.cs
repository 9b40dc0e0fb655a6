using System;

namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// Where a nonce of a given digit count puts its ASCII digits in message words 10..12 (bytes 40..51 after a
/// 40-character last hash), split so lanes of consecutive nonces cost a table load instead of a decimal conversion:
/// the last two digits (nonce mod 100) come from tables indexed by position in the hundred, the other digits
/// (nonce / 100, shared by a whole batch or by two hundreds at most) from <see cref="HighWords"/>.
/// </summary>
internal sealed class DucoS1DigitLayout
{
    /// <summary>The widest batch the tables serve (Vector512 of uint).</summary>
    public const int MaxLanes = 16;

    private const int FirstDigitByte = DucoS1LaneConstants.LastHashLength;
    private const int TableLength = 100 + MaxLanes;

    private static readonly DucoS1DigitLayout[] ByDigits = BuildAll();

    private readonly int _lowDigits;

    private DucoS1DigitLayout(int digits)
    {
        Digits = digits;
        _lowDigits = Math.Min(digits, 2);
        Span<byte> bytes = stackalloc byte[12];
        for (int r = 0; r < TableLength; r++)
        {
            bytes.Clear();
            WriteDigits(bytes, _lowDigits, Digits - _lowDigits, (uint)(r % 100));
            Low10[r] = ReadWord(bytes, 0);
            Low11[r] = ReadWord(bytes, 1);
            Low12[r] = ReadWord(bytes, 2);
            NextHundred[r] = r >= 100 ? uint.MaxValue : 0;
        }
    }

    /// <summary>The digit count of the nonces this layout is for, 1..10.</summary>
    public int Digits { get; }

    /// <summary>Word 10's last-two-digit bits for position r of a hundred (r up to 100 + <see cref="MaxLanes"/>, taken mod 100).</summary>
    public uint[] Low10 { get; } = new uint[TableLength];

    /// <summary>Word 11's last-two-digit bits, as <see cref="Low10"/>.</summary>
    public uint[] Low11 { get; } = new uint[TableLength];

    /// <summary>Word 12's last-two-digit bits, as <see cref="Low10"/>.</summary>
    public uint[] Low12 { get; } = new uint[TableLength];

    /// <summary>All ones at positions r ≥ 100: the lane's nonce belongs to the next hundred.</summary>
    public uint[] NextHundred { get; } = new uint[TableLength];

    /// <summary>The layout for nonces of <paramref name="digits"/> decimal digits.</summary>
    public static DucoS1DigitLayout For(int digits) => ByDigits[digits];

    /// <summary>
    /// Words 10..12 with the digits of <paramref name="hundreds"/> (the nonce without its last two digits) and the
    /// padding byte 0x80 after the last digit (FIPS 180-4 §5.1.1); the last two digits' bytes left zero.
    /// </summary>
    public void HighWords(uint hundreds, out uint w10, out uint w11, out uint w12)
    {
        Span<byte> bytes = stackalloc byte[12];
        WriteDigits(bytes, Digits - _lowDigits, 0, hundreds);
        bytes[Digits] = 0x80;
        w10 = ReadWord(bytes, 0);
        w11 = ReadWord(bytes, 1);
        w12 = ReadWord(bytes, 2);
    }

    private static DucoS1DigitLayout[] BuildAll()
    {
        var layouts = new DucoS1DigitLayout[DucoS1Message.MaxDigits + 1];
        for (int digits = 1; digits <= DucoS1Message.MaxDigits; digits++)
        {
            layouts[digits] = new DucoS1DigitLayout(digits);
        }

        return layouts;
    }

    // The last `count` decimal digits of value, ASCII, at bytes start.. of the 12 bytes after the last hash.
    private static void WriteDigits(Span<byte> bytes, int count, int start, uint value)
    {
        for (int i = start + count - 1; i >= start; i--)
        {
            bytes[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static uint ReadWord(ReadOnlySpan<byte> bytes, int word) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(word * 4, 4));
}
