using System;
using System.Globalization;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The share difficulty of demo jobs: either the owner's fixed <c>demo:shareDifficulty</c>, or (<c>auto</c>, the
/// default) chosen from the hash rate measured on this board so that a share comes about every
/// <see cref="SecondsPerShare"/> seconds, whether the board does 1 MH/s or 50 MH/s and whatever duty the governor
/// sets: the demo retargets the way a pool's vardiff does, from the hashes done since the last look.
/// </summary>
public sealed class DemoDifficulty
{
    /// <summary>The share interval <c>auto</c> aims at: one share every few seconds, readable on screen.</summary>
    public const double SecondsPerShare = 5;

    /// <summary>
    /// Before anything is measured: sha256d difficulty 0.001 is about 4.3 million hashes a share (0.001 · 2^32),
    /// a few seconds on a Raspberry Pi 4; a faster machine finds more until the first retarget.
    /// </summary>
    public static readonly Difficulty Initial = Difficulty.Parse("0.001");

    // A pool's difficulty 1 share takes 2^32 hashes on average for sha256d (diff1 target 0xffff · 2^208, bits 32..48
    // of 2^256, "Difficulty" in the Bitcoin wiki); scrypt pools count difficulty 2^16 times smaller (cpuminer's
    // stratum difficulty / 65536), so a scrypt difficulty 1 share takes 2^16 hashes.
    private const double Sha256dHashesPerDifficulty = 4294967296.0;
    private const double ScryptHashesPerDifficulty = 65536.0;

    private readonly string _algorithm;
    private readonly Func<long>? _hashesDone;
    private readonly TimeProvider _clock;
    private long _lastHashes;
    private DateTimeOffset _lastLook;

    private DemoDifficulty(string algorithm, Difficulty start, Func<long>? hashesDone, TimeProvider clock)
    {
        _algorithm = algorithm;
        Current = start;
        _hashesDone = hashesDone;
        _clock = clock;
        _lastHashes = hashesDone?.Invoke() ?? 0;
        _lastLook = clock.GetUtcNow();
    }

    /// <summary>The difficulty new demo jobs get.</summary>
    public Difficulty Current { get; private set; }

    /// <summary>True when it follows the measured hash rate (<c>demo:shareDifficulty</c> = <c>auto</c>).</summary>
    public bool IsAuto => _hashesDone is not null;

    /// <summary>The owner's fixed difficulty.</summary>
    public static DemoDifficulty Fixed(Difficulty difficulty) => new(Algorithms.Sha256d, difficulty, null, TimeProvider.System);

    /// <summary>Follows the hash rate measured from <paramref name="hashesDone"/> (all hashes done so far).</summary>
    public static DemoDifficulty Auto(string algorithm, Func<long> hashesDone, TimeProvider clock) => new(algorithm, Initial, hashesDone, clock);

    /// <summary>The difficulty at which <paramref name="hashesPerSecond"/> finds a share every <see cref="SecondsPerShare"/> s, to two significant digits.</summary>
    public static Difficulty ForHashrate(double hashesPerSecond, string algorithm)
    {
        double hashesPerDifficulty = algorithm == Algorithms.Scrypt ? ScryptHashesPerDifficulty : Sha256dHashesPerDifficulty;
        double difficulty = hashesPerSecond * SecondsPerShare / hashesPerDifficulty;
        return Difficulty.Parse(difficulty.ToString("G2", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Measures the hash rate since the last call and moves <see cref="Current"/> to it when it is off by more than a
    /// factor of two (small swings do not replace the job). Returns true when it moved. Nothing hashed (paused): no change.
    /// </summary>
    public bool Retarget()
    {
        if (_hashesDone is null)
        {
            return false;
        }

        long hashes = _hashesDone();
        DateTimeOffset now = _clock.GetUtcNow();
        double seconds = (now - _lastLook).TotalSeconds;
        long done = hashes - _lastHashes;
        (_lastHashes, _lastLook) = (hashes, now);
        if (done <= 0 || seconds <= 0)
        {
            return false;
        }

        Difficulty ideal = ForHashrate(done / seconds, _algorithm);
        double ratio = ideal.ToDouble() / Current.ToDouble();
        if (!ideal.IsPositive || ratio is > 0.5 and < 2)
        {
            return false;
        }

        Current = ideal;
        return true;
    }
}
