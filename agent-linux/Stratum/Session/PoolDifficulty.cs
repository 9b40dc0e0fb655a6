using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Stratum.Session;

/// <summary>Turns a pool's <c>mining.set_difficulty</c> value into the share target a hash must meet.</summary>
public static class PoolDifficulty
{
    /// <summary>Stratum's difficulty before the pool sets one.</summary>
    public const double Initial = 1;

    /// <summary>
    /// Target = difficulty-1 target / difficulty. A scrypt pool's difficulty 1 is 2^16 times easier than sha256d's
    /// (the convention of pooler's cpuminer and every scrypt pool).
    /// </summary>
    public static Target ToTarget(double difficulty, string algorithm) =>
        Target.FromPoolDifficultyShim(difficulty, algorithm == Algorithms.Scrypt);
}
