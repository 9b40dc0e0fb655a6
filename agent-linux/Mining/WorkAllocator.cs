using System;
using System.Threading;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// Splits a job into units nobody else gets: unit u is extranonce2 = u / U and nonces [(u mod U)·2^24, +2^24), cut at
/// the job's nonce space (U units cover it: 256 for a 32-bit header nonce, one for a DUCO-S1 job of up to 2^24
/// nonces). Workers take units with an atomic increment, so no header and nonce is hashed twice.
/// </summary>
/// <param name="extranonce2Space">How many extranonce2 values the job has.</param>
/// <param name="nonceSpace">How many nonces each extranonce2 value has (at most 2^32).</param>
public sealed class WorkAllocator(ulong extranonce2Space, ulong nonceSpace = NonceRange.Limit)
{
    /// <summary>Nonces per unit: 2^24, a second or so on a fast core, hours for scrypt; units only need to be unique.</summary>
    public const ulong NoncesPerUnit = 1UL << 24;

    private readonly ulong _nonceSpace = Math.Clamp(nonceSpace, 1, NonceRange.Limit);
    private long _next = -1;

    /// <summary>Takes the next unit; false when the job's whole space is used up.</summary>
    public bool TryTake(out WorkUnit unit)
    {
        ulong unitsPerExtranonce2 = (_nonceSpace + NoncesPerUnit - 1) / NoncesPerUnit;
        ulong index = (ulong)Interlocked.Increment(ref _next);
        ulong extranonce2 = index / unitsPerExtranonce2;
        ulong first = (index % unitsPerExtranonce2) * NoncesPerUnit;
        unit = new WorkUnit(extranonce2, (uint)first, Math.Min(NoncesPerUnit, _nonceSpace - first));
        return extranonce2 < extranonce2Space;
    }
}

/// <summary>One unit of work: an extranonce2 and a nonce range of its header.</summary>
/// <param name="Extranonce2">The extranonce2 value.</param>
/// <param name="FirstNonce">The first nonce.</param>
/// <param name="Count">How many nonces.</param>
public readonly record struct WorkUnit(ulong Extranonce2, uint FirstNonce, ulong Count);
