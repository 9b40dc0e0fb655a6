using System;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// Sizes scan chunks so each takes about <see cref="TargetMilliseconds"/>: short enough that a new job, a pause or a
/// duty change reaches the worker within milliseconds, long enough that checking costs nothing measurable.
/// </summary>
public sealed class AdaptiveChunk(int lanes)
{
    /// <summary>The time one chunk should take.</summary>
    public const double TargetMilliseconds = 20;

    private const ulong MaxChunk = 1UL << 22;
    private readonly ulong _lanes = (ulong)Math.Max(1, lanes);
    private ulong _size = (ulong)Math.Max(1, lanes) * 16;

    /// <summary>The next chunk size, a multiple of the lane count, never more than <paramref name="remaining"/>.</summary>
    public ulong Next(ulong remaining) => Math.Min(_size, remaining);

    /// <summary>Adjusts the size after a chunk of <paramref name="size"/> nonces took <paramref name="elapsed"/>.</summary>
    public void Observe(ulong size, TimeSpan elapsed)
    {
        double ms = Math.Max(elapsed.TotalMilliseconds, 0.01);
        double scaled = size * (TargetMilliseconds / ms);

        // Grow at most 2x per step so one fast chunk (e.g. all early rejects) does not overshoot.
        ulong proposed = (ulong)Math.Clamp(scaled, _lanes, Math.Min(MaxChunk, _size * 2.0));
        _size = Math.Max(_lanes, proposed / _lanes * _lanes);
    }
}
