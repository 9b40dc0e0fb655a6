using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>A hash's share difficulty in the pool convention of its algorithm, for reporting.</summary>
public static class ShareDifficulty
{
    /// <summary>
    /// diff1 / hash, where scrypt pools count difficulty 65536 times smaller than sha256d ones
    /// (pooler cpuminer divides the stratum difficulty by 65536 for scrypt; see <see cref="Target.FromPoolDifficulty"/>).
    /// </summary>
    public static double Of(byte[] hash, string algorithm)
    {
        double sha256dDifficulty = Difficulty.OfHash(hash).ToDouble();
        return algorithm == Algorithms.Scrypt ? sha256dDifficulty * 65536 : sha256dDifficulty;
    }
}
