using System;
using System.Runtime.InteropServices;

namespace IotMinerAgent.Hashing.Engines.Scrypt;

/// <summary>
/// A word buffer whose element <see cref="Offset"/> sits on a 64-byte boundary and never moves (pinned object heap):
/// full-width vector loads and stores then never straddle two cache lines.
/// </summary>
internal sealed class AlignedWords
{
    private const int Alignment = 64;

    /// <summary>Allocates <paramref name="length"/> words, uninitialised.</summary>
    public AlignedWords(int length)
    {
        Words = GC.AllocateUninitializedArray<uint>(length + (Alignment / sizeof(uint)), pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(Words, 0);
        Offset = (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(uint);
        Length = length;
    }

    /// <summary>The backing array; the buffer is Words[Offset .. Offset + Length).</summary>
    public uint[] Words { get; }

    /// <summary>Index of the first, aligned, word.</summary>
    public int Offset { get; }

    /// <summary>Usable words.</summary>
    public int Length { get; }

    /// <summary>A reference to the first aligned word.</summary>
    public ref uint First => ref Words[Offset];
}
