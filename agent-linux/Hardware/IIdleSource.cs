using System;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>Tells whether the device is idle apart from the miner, and for how long.</summary>
public interface IIdleSource
{
    /// <summary>Where the answer comes from, for status and logs.</summary>
    string Description { get; }

    /// <summary>Takes a reading.</summary>
    /// <returns>False when this source cannot tell right now (not available, or still measuring).</returns>
    bool TryRead(out IdleReading reading);
}

/// <summary>One answer of an <see cref="IIdleSource"/>.</summary>
/// <param name="IsIdle">True when nothing but the miner uses the device.</param>
/// <param name="IdleFor">How long it has been idle (zero when busy; <see cref="TimeSpan.MaxValue"/> when it has never been used).</param>
/// <param name="Detail">When busy, what was seen, for the owner ("other processes 91 % CPU"); null when nothing more is known.</param>
public readonly record struct IdleReading(bool IsIdle, TimeSpan IdleFor, string? Detail = null)
{
    /// <summary>A busy reading.</summary>
    public static IdleReading Busy => new(false, TimeSpan.Zero);
}
