namespace IotMinerAgent.Linux.Energy;

/// <summary>The coins per hour the configured work is expected to earn mining at full duty (from the measured hash rate, the network difficulty and the block reward).</summary>
public interface IEarningsRate
{
    /// <summary>The expected coins per hour at full duty; false, with the missing input named, when it cannot be estimated.</summary>
    bool TryCoinsPerHour(out double coinsPerHour, out string why);
}
