namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// One number of an estimate with where it came from ("measured: …", "--price-per-kwh", "pool job nbits …"), or,
/// when <see cref="Value"/> is null, why it is unknown and what would supply it. An estimate never shows a number
/// without its source.
/// </summary>
/// <param name="Value">The number; null when unknown.</param>
/// <param name="Source">Where <paramref name="Value"/> came from, or why it is unknown and which flag or key supplies it.</param>
public sealed record EstimateFigure(double? Value, string Source)
{
    /// <summary>An unknown figure; <paramref name="why"/> names what is missing and how to give it.</summary>
    public static EstimateFigure Unknown(string why) => new(null, why);

    /// <summary>True when there is a number.</summary>
    public bool IsKnown => Value.HasValue;
}
