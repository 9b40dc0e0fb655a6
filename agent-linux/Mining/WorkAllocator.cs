using System.Threading;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// Splits a job into units nobody else gets: unit u is extranonce2 = u / 256 and nonces
/// [(u mod 256)·2^24, +2^24). Workers take units with an atomic increment, so no header and nonce is hashed twice.
/// </summary>
public sealed class WorkAllocator(ulong extranonce2Space)
{
    /// <summary>Nonces per unit: 2^24, a second or so on a fast core, hours for scrypt; units only need to be unique.</summary>
    public const ulong NoncesPerUnit = 1UL << 24;

    private const ulong UnitsPerExtranonce2 = NonceRange.Limit / NoncesPerUnit;
    private long _next = -1;

    /// <summary>Takes the next unit; false when the job's whole space is used up.</summary>
    public bool TryTake(out WorkUnit unit)
    {
        ulong index = (ulong)Interlocked.Increment(ref _next);
        ulong extranonce2 = index / UnitsPerExtranonce2;
        unit = new WorkUnit(extranonce2, (uint)((index % UnitsPerExtranonce2) * NoncesPerUnit), NoncesPerUnit);
        return extranonce2 < extranonce2Space;
    }
}

/// <summary>One unit of work: an extranonce2 and a nonce range of its header.</summary>
/// <param name="Extranonce2">The extranonce2 value.</param>
/// <param name="FirstNonce">The first nonce.</param>
/// <param name="Count">How many nonces.</param>
public readonly record struct WorkUnit(ulong Extranonce2, uint FirstNonce, ulong Count);
