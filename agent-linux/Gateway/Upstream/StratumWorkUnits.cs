using System;
using System.Numerics;

namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>
/// How a Stratum job's work units map to distinct headers: unit u takes extranonce2 counter
/// <c>firstExtranonce2 + u / V</c> and the version bits <c>u mod V</c> deposited into the BIP 310 mask's set bits,
/// where V = 2^(bits in the mask). Distinct (extranonce2, version) pairs give distinct headers: a new extranonce2 changes
/// the coinbase and so the merkle root, rolled version bits change the version field.
/// </summary>
public sealed class StratumWorkUnits
{
    private readonly ulong _firstExtranonce2;
    private readonly uint _versionMask;
    private readonly int _versionBitCount;

    /// <summary>Units of a job with <paramref name="extranonce2Size"/> bytes of extranonce2, counting from <paramref name="firstExtranonce2"/>.</summary>
    public StratumWorkUnits(int extranonce2Size, uint versionMask, ulong firstExtranonce2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extranonce2Size);
        _firstExtranonce2 = firstExtranonce2;
        _versionMask = versionMask;
        _versionBitCount = BitOperations.PopCount(versionMask);
        UInt128 extranonce2Values = extranonce2Size >= 8 ? (UInt128)1 << 64 : (UInt128)1 << (8 * extranonce2Size);
        UInt128 free = extranonce2Values > firstExtranonce2 ? extranonce2Values - firstExtranonce2 : 0;
        UInt128 units = free << _versionBitCount;
        Count = units > ulong.MaxValue ? ulong.MaxValue : (ulong)units;
    }

    /// <summary>How many distinct units there are (capped at 2^64 − 1); 0 when the extranonce2 space is used up.</summary>
    public ulong Count { get; }

    /// <summary>The extranonce2 counter of <paramref name="unit"/>.</summary>
    public ulong Extranonce2Counter(ulong unit) => _firstExtranonce2 + (unit >> _versionBitCount);

    /// <summary>The version bits of <paramref name="unit"/>, inside the mask.</summary>
    public uint VersionBits(ulong unit)
    {
        ulong index = _versionBitCount == 0 ? 0 : unit & ((1UL << _versionBitCount) - 1);
        uint bits = 0;
        uint mask = _versionMask;

        // Deposit the index's bits, lowest first, into the mask's set bits, lowest first (what x86's PDEP does).
        for (int i = 0; mask != 0; i++)
        {
            uint lowest = mask & (~mask + 1);
            if (((index >> i) & 1) != 0)
            {
                bits |= lowest;
            }

            mask &= mask - 1;
        }

        return bits;
    }
}
