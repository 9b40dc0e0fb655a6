using System;
using System.Globalization;

namespace IotMinerAgent.StratumTestPool;

/// <summary>A job template the pool hands out: random coinbase parts, a random merkle path and prevhash.</summary>
public sealed class PoolJob
{
    public PoolJob(string id, Random random, uint ntime)
    {
        Id = id;
        PrevHash = Bytes(random, 32);
        Coinbase1 = Bytes(random, 42 + random.Next(20));
        Coinbase2 = Bytes(random, 30 + random.Next(40));
        Branches = new byte[random.Next(0, 4)][];
        for (int i = 0; i < Branches.Length; i++)
        {
            Branches[i] = Bytes(random, 32);
        }

        NTime = ntime;
    }

    public string Id { get; }

    /// <summary>prevhash in mining.notify order (every 4-byte word byte-swapped relative to the header).</summary>
    public byte[] PrevHash { get; }

    public byte[] Coinbase1 { get; }

    public byte[] Coinbase2 { get; }

    public byte[][] Branches { get; }

    public uint Version { get; } = 0x20000000;

    /// <summary>Regtest bits: irrelevant to shares, but a real value.</summary>
    public uint NBits { get; } = 0x207fffff;

    public uint NTime { get; }

    public static string Word(uint value) => value.ToString("x8", CultureInfo.InvariantCulture);

    private static byte[] Bytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
