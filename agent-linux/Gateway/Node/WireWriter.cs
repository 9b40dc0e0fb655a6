using System;
using System.Buffers;
using System.Buffers.Binary;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>Bitcoin's wire serialization (src/serialize.h): little-endian integers, CompactSize lengths and raw bytes.</summary>
internal sealed class WireWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Creates a writer with room for <paramref name="capacity"/> bytes to start with.</summary>
    public WireWriter(int capacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(capacity);
    }

    /// <summary>A 32-bit integer, little-endian.</summary>
    public WireWriter UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>A 64-bit integer, little-endian (amounts, the extranonce).</summary>
    public WireWriter UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>
    /// A CompactSize count or length: one byte below 0xfd, else 0xfd, 0xfe or 0xff followed by 2, 4 or 8 bytes.
    /// </summary>
    public WireWriter CompactSize(ulong value)
    {
        if (value < 0xfd)
        {
            return Bytes([(byte)value]);
        }

        if (value <= ushort.MaxValue)
        {
            Bytes([0xfd]);
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), (ushort)value);
            _buffer.Advance(2);
            return this;
        }

        if (value <= uint.MaxValue)
        {
            return Bytes([0xfe]).UInt32((uint)value);
        }

        return Bytes([0xff]).UInt64(value);
    }

    /// <summary>Bytes as they are.</summary>
    public WireWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>A length-prefixed byte string (scripts, witness items).</summary>
    public WireWriter VarBytes(ReadOnlySpan<byte> bytes) => CompactSize((ulong)bytes.Length).Bytes(bytes);

    /// <summary>Everything written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
