using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Stratum.Session;

/// <summary>Turns a pool's <c>mining.set_difficulty</c> value into the share target a hash must meet.</summary>
public static class PoolDifficulty
{
    /// <summary>Stratum's difficulty before the pool sets one.</summary>
    public static readonly Difficulty Initial = Difficulty.FromInteger(1);

    /// <summary>
    /// Target = difficulty-1 target / difficulty, in integer arithmetic (the portable <see cref="Target.FromPoolDifficulty"/>).
    /// A scrypt pool's difficulty 1 is 2^16 times easier than sha256d's.
    /// </summary>
    public static Target ToTarget(Difficulty difficulty, string algorithm) => Target.FromPoolDifficulty(difficulty, algorithm);
}
