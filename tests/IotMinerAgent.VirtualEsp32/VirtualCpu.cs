using System;
using System.Diagnostics;
using System.Threading;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>
/// The ESP32's core at interpreter speed: after each slice it waits until the slice would have taken that long at
/// <see cref="HashesPerSecond"/> (the host hashes ~10⁴× faster than nanoFramework's interpreter), and it keeps the
/// busy time the thermal model heats with. <see cref="StallNextSlice"/> hangs the mining thread inside a slice, the
/// way a driver call or a deadlock would, for the watchdog to find.
/// </summary>
public sealed class VirtualCpu : ICpuPace
{
    readonly object _gate = new();
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly ManualResetEventSlim _released = new(true);
    double _busySeconds;
    long _hashed;
    bool _stallNext;

    /// <summary>Creates a core hashing at <paramref name="hashesPerSecond"/>.</summary>
    public VirtualCpu(int hashesPerSecond)
    {
        HashesPerSecond = hashesPerSecond;
    }

    /// <summary>The simulated hash rate (nanoFramework's interpreter: ≈ 50–150 H/s sha256d, an estimate; firmware/README.md).</summary>
    public int HashesPerSecond { get; }

    /// <summary>Nonces hashed so far.</summary>
    public long TotalHashed => Interlocked.Read(ref _hashed);

    /// <summary>Seconds spent hashing so far.</summary>
    public double BusySeconds
    {
        get
        {
            lock (_gate)
            {
                return _busySeconds;
            }
        }
    }

    /// <inheritdoc />
    public void Hashed(int nonces)
    {
        double seconds = (double)nonces / HashesPerSecond;
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        lock (_gate)
        {
            _busySeconds += seconds;
        }

        Interlocked.Add(ref _hashed, nonces);
        bool stall;
        lock (_gate)
        {
            stall = _stallNext;
            _stallNext = false;
            if (stall)
            {
                _released.Reset();
            }
        }

        if (stall)
        {
            _released.Wait();
        }
    }

    /// <summary>The next slice hangs until <see cref="Release"/>.</summary>
    public void StallNextSlice()
    {
        lock (_gate)
        {
            _stallNext = true;
        }
    }

    /// <summary>Lets a stalled slice finish.</summary>
    public void Release() => _released.Set();
}
