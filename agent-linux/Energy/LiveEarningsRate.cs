using System;
using System.Globalization;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The coins per hour pool work earns at full duty, from live figures: the measured hash rate scaled to full duty,
/// the network difficulty of the current job's nBits, and the block reward the owner configured
/// (<c>energy:blockReward</c>; the agent cannot tell which coin a pool mines, so it never assumes one). Any figure
/// missing makes the earnings unknown, naming it.
/// </summary>
/// <param name="hashesPerSecond">The measured hash rate (a one-minute average), H/s.</param>
/// <param name="dutyPercent">The overall duty that rate was measured at: the share of full speed on all threads, %.</param>
/// <param name="networkBits">The current job's compact nBits; null without a job.</param>
/// <param name="blockReward">Coins per block; null when not configured.</param>
public sealed class LiveEarningsRate(Func<double> hashesPerSecond, Func<int> dutyPercent, Func<uint?> networkBits, double? blockReward) : IEarningsRate
{
    private double _fullDutyHashesPerSecond;

    /// <inheritdoc />
    public bool TryCoinsPerHour(out double coinsPerHour, out string why)
    {
        coinsPerHour = 0;
        double measured = FullDutyRate();
        if (blockReward is not double reward)
        {
            why = "block reward unknown: set energy:blockReward (coins per block of the coin the pool mines)";
            return false;
        }

        if (!TryNetworkDifficulty(out double difficulty, out why))
        {
            return false;
        }

        if (measured <= 0)
        {
            why = "hash rate not measured yet (nothing mined since start)";
            return false;
        }

        coinsPerHour = Earnings.CoinsPerDay(measured, difficulty, reward) / 24;
        why = string.Empty;
        return true;
    }

    // The rate at full duty: measured ÷ duty while mining; while paused, the last such figure (a paused miner's
    // one-minute average decays to zero, which says nothing about what mining would earn).
    private double FullDutyRate()
    {
        double rate = hashesPerSecond();
        int duty = dutyPercent();
        if (duty > 0 && rate > 0 && double.IsFinite(rate))
        {
            _fullDutyHashesPerSecond = rate * 100 / Math.Min(duty, 100);
        }

        return _fullDutyHashesPerSecond;
    }

    private bool TryNetworkDifficulty(out double difficulty, out string why)
    {
        difficulty = 0;
        if (networkBits() is not uint bits)
        {
            why = "network difficulty unknown: no job from the pool yet";
            return false;
        }

        if (!Earnings.TryNetworkDifficulty(bits, out difficulty))
        {
            why = "network difficulty unknown: the job's nBits 0x" + bits.ToString("x8", CultureInfo.InvariantCulture) + " is not a valid target";
            return false;
        }

        why = string.Empty;
        return true;
    }
}
