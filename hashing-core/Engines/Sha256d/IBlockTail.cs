namespace IotMinerAgent.Hashing.Engines;

/// <summary>
/// Which message words of a block are fixed padding (FIPS 180-4 §5.1.1), so a kernel folds them into the round
/// constant. Methods of a struct type argument: with a constant round number the JIT evaluates them away.
/// </summary>
internal interface IBlockTail
{
    /// <summary>True when W[t] is a padding word, the same for every nonce.</summary>
    static abstract bool IsPadding(int t);

    /// <summary>The padding word W[t].</summary>
    static abstract uint PaddingWord(int t);
}

/// <summary>The header's second block: W4 = 0x80000000, W5..W14 = 0, W15 = 640 (80 bytes).</summary>
internal readonly struct HeaderTail : IBlockTail
{
    /// <inheritdoc />
    public static bool IsPadding(int t) => t is >= 4 and <= 15;

    /// <inheritdoc />
    public static uint PaddingWord(int t) => t switch
    {
        4 => Sha256dPrecomputed.PaddingWord,
        15 => Sha256dPrecomputed.HeaderBits,
        _ => 0,
    };
}

/// <summary>The second hash's only block: W8 = 0x80000000, W9..W14 = 0, W15 = 256 (a 32-byte digest).</summary>
internal readonly struct DigestTail : IBlockTail
{
    /// <inheritdoc />
    public static bool IsPadding(int t) => t is >= 8 and <= 15;

    /// <inheritdoc />
    public static uint PaddingWord(int t) => t switch
    {
        8 => Sha256dPrecomputed.PaddingWord,
        15 => Sha256dPrecomputed.DigestBits,
        _ => 0,
    };
}
