using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>A test-side reader of one serialized transaction (BIP 144 with or without witness), written apart from the builder.</summary>
public sealed class TransactionReader
{
    readonly byte[] _data;
    int _at;

    TransactionReader(byte[] data) => _data = data;

    public uint Version { get; private set; }

    public bool HasWitnessMarker { get; private set; }

    public List<(byte[] PreviousOutput, byte[] ScriptSig, uint Sequence)> Inputs { get; } = [];

    public List<(ulong Value, byte[] Script)> Outputs { get; } = [];

    public List<List<byte[]>> Witnesses { get; } = [];

    public uint LockTime { get; private set; }

    /// <summary>Bytes read: the transaction's length when it is followed by more data (as in a block).</summary>
    public int Length => _at;

    public static TransactionReader Read(byte[] data, int offset = 0)
    {
        var reader = new TransactionReader(data) { _at = offset };
        reader.ReadAll();
        reader._at -= offset;
        return reader;
    }

    void ReadAll()
    {
        Version = BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        ulong inputs = CompactSize();
        if (inputs == 0)
        {
            HasWitnessMarker = true;
            Assert.Equal(1, Take(1)[0]);
            inputs = CompactSize();
        }

        for (ulong i = 0; i < inputs; i++)
        {
            Inputs.Add((Take(36).ToArray(), Take((int)CompactSize()).ToArray(), BinaryPrimitives.ReadUInt32LittleEndian(Take(4))));
        }

        ulong outputs = CompactSize();
        for (ulong i = 0; i < outputs; i++)
        {
            Outputs.Add((BinaryPrimitives.ReadUInt64LittleEndian(Take(8)), Take((int)CompactSize()).ToArray()));
        }

        if (HasWitnessMarker)
        {
            for (int i = 0; i < Inputs.Count; i++)
            {
                var stack = new List<byte[]>();
                ulong items = CompactSize();
                for (ulong j = 0; j < items; j++)
                {
                    stack.Add(Take((int)CompactSize()).ToArray());
                }

                Witnesses.Add(stack);
            }
        }

        LockTime = BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    }

    ulong CompactSize()
    {
        byte first = Take(1)[0];
        return first switch
        {
            0xfd => BinaryPrimitives.ReadUInt16LittleEndian(Take(2)),
            0xfe => BinaryPrimitives.ReadUInt32LittleEndian(Take(4)),
            0xff => BinaryPrimitives.ReadUInt64LittleEndian(Take(8)),
            _ => first,
        };
    }

    ReadOnlySpan<byte> Take(int count)
    {
        ReadOnlySpan<byte> span = _data.AsSpan(_at, count);
        _at += count;
        return span;
    }
}
