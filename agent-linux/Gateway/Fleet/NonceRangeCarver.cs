using System;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// Cuts one template's work into slices for devices: nonce ranges taken one after another from the current work unit,
/// and the next unit when it is used up. A carver only moves forward, so no two slices it gives ever share a
/// (work unit, nonce): two devices never hash the same header.
/// </summary>
public sealed class NonceRangeCarver
{
    /// <summary>Nonces per work unit: the header's 32-bit nonce field.</summary>
    public const ulong NoncesPerUnit = 1UL << 32;

    private readonly ulong _workUnitCount;
    private ulong _unit;
    private ulong _nextNonce;

    /// <summary>A carver over <paramref name="workUnitCount"/> work units (at least 1).</summary>
    public NonceRangeCarver(ulong workUnitCount)
    {
        ArgumentOutOfRangeException.ThrowIfZero(workUnitCount);
        _workUnitCount = workUnitCount;
    }

    /// <summary>True when every unit is used up.</summary>
    public bool IsExhausted => _unit >= _workUnitCount;

    /// <summary>
    /// The next slice of up to <paramref name="count"/> nonces, or false when the template is used up. The slice is
    /// shorter than asked only at the end of a unit: the rest of a unit goes out rather than being skipped.
    /// </summary>
    public bool TryCarve(ulong count, out WorkSlice slice)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        if (IsExhausted)
        {
            slice = default;
            return false;
        }

        ulong take = Math.Min(count, NoncesPerUnit - _nextNonce);
        slice = new WorkSlice(_unit, (uint)_nextNonce, take);
        _nextNonce += take;
        if (_nextNonce == NoncesPerUnit)
        {
            _unit++;
            _nextNonce = 0;
        }

        return true;
    }
}
