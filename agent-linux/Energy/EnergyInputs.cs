using System;
using System.Collections.Generic;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Throttling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The energy readings the governor decides on: the topics of the <c>energy</c> section (price, coin price, surplus,
/// measured power) as they last arrived, and the expected earnings. Demo work earns a known zero; pool work's
/// earnings need a coin rate (<see cref="IEarningsRate"/>) and the coin's price.
/// </summary>
public sealed class EnergyInputs : IEnergyInputs
{
    private readonly EnergyRuleOptions _options;
    private readonly IEarningsRate? _earnings;
    private readonly TopicReading? _price;
    private readonly TopicReading? _coinPrice;
    private readonly TopicReading? _surplus;
    private readonly TopicReading? _power;
    private readonly List<TopicReading> _readings = [];
    private int _surplusMessages;

    /// <summary>Creates the inputs.</summary>
    /// <param name="options">The validated energy rule options.</param>
    /// <param name="earnings">The coins per hour the work earns; null for demo work, which earns nothing.</param>
    /// <param name="time">The clock that ages topic values.</param>
    /// <param name="logger">Where unreadable topic payloads are reported.</param>
    public EnergyInputs(EnergyRuleOptions options, IEarningsRate? earnings, TimeProvider? time = null, ILogger? logger = null)
    {
        _options = options;
        _earnings = earnings;
        TimeProvider clock = time ?? TimeProvider.System;
        ILogger log = logger ?? NullLogger.Instance;
        _price = Reading("energy:priceTopic", options.PriceTopic, clock, log);
        _coinPrice = Reading("energy:coinPriceTopic", options.CoinPriceTopic, clock, log);
        _surplus = Reading("energy:surplusTopic", options.SurplusTopic, clock, log);
        _power = Reading("energy:powerTopic", options.PowerTopic, clock, log);
    }

    /// <summary>The topics to subscribe to.</summary>
    public IReadOnlyList<string> Topics => _options.Topics;

    /// <summary>Takes a message received on <paramref name="topic"/> (ignored when it is not one of <see cref="Topics"/>).</summary>
    public void Accept(string topic, ReadOnlySpan<byte> payload)
    {
        foreach (TopicReading reading in _readings)
        {
            if (reading.Topic == topic)
            {
                reading.Accept(payload);
                if (reading == _surplus)
                {
                    System.Threading.Interlocked.Increment(ref _surplusMessages);
                }
            }
        }
    }

    /// <inheritdoc />
    public void Fill(GovernorInputs inputs)
    {
        EnergyReadings energy = inputs.Energy;
        if (_price is not null)
        {
            if (_price.TryGet(out double price, out string why))
            {
                energy.WithPrice(Nano(Math.Clamp(price, -EnergyPolicy.MaxPriceUnitsPerKwh, EnergyPolicy.MaxPriceUnitsPerKwh)));
            }
            else
            {
                energy.PriceUnknownWhy = why;
            }
        }

        FillEarnings(energy);
        if (_surplus is not null)
        {
            if (_surplus.TryGet(out double watts, out string why))
            {
                energy.WithSurplus(MilliWatts(watts), System.Threading.Volatile.Read(ref _surplusMessages));
            }
            else
            {
                energy.SurplusUnknownWhy = why;
            }
        }

        if (_power is not null && _power.TryGet(out double measured, out _) && measured >= 0)
        {
            energy.WithPower(MilliWatts(measured));
        }
    }

    private void FillEarnings(EnergyReadings energy)
    {
        if (_earnings is null)
        {
            energy.WithEarnings(0, "demo work earns nothing");
            return;
        }

        if (!_earnings.TryCoinsPerHour(out double coinsPerHour, out string why))
        {
            energy.EarningsUnknownWhy = why;
            return;
        }

        if (!TryCoinPrice(out double coinPrice, out string priceWhy))
        {
            energy.EarningsUnknownWhy = "coin price unknown: " + priceWhy;
            return;
        }

        energy.WithEarnings(Nano(coinsPerHour * coinPrice), "estimate");
    }

    /// <summary>The energy price per kWh the topic last carried, when <c>energy:priceTopic</c> is set and its value is current.</summary>
    public bool TryTopicPrice(out double price)
    {
        price = 0;
        return _price is not null && _price.TryGet(out price, out _);
    }

    /// <summary>The coin's price: <c>energy:coinPriceTopic</c>'s current value, else <c>energy:coinPrice</c>; false, saying why, when unknown.</summary>
    public bool TryCoinPrice(out double price, out string why)
    {
        if (_coinPrice is not null)
        {
            return _coinPrice.TryGet(out price, out why);
        }

        price = _options.CoinPrice ?? 0;
        why = "set energy:coinPrice or energy:coinPriceTopic";
        return _options.CoinPrice is not null;
    }

    private TopicReading? Reading(string key, string? topic, TimeProvider time, ILogger logger)
    {
        if (topic is null)
        {
            return null;
        }

        var reading = new TopicReading(key, topic, _options.TopicTimeout, time, logger);
        _readings.Add(reading);
        return reading;
    }

    // Amounts and prices to nano-units of the currency, watts to milliwatts, clamped to what the portable rule accepts.
    private static long Nano(double amount) => (long)Math.Round(Math.Clamp(amount, -1e9, 1e9) * 1e9, MidpointRounding.AwayFromZero);

    private static int MilliWatts(double watts) => (int)Math.Round(Math.Clamp(watts, -1e6, 1e6) * 1000, MidpointRounding.AwayFromZero);
}
