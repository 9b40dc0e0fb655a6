using System;
using System.Collections.Generic;
using System.Text;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Linux.Tests.Energy;

public sealed class EnergyRuleOptionsTests
{
    private static EnergyRuleOptions Parse(Dictionary<string, string> values, bool mqtt = true)
        => EnergyRuleOptions.Parse(key => values.TryGetValue(key, out string? v) ? v : null, mqtt);

    [Fact]
    public void The_owners_units_become_the_portable_fixed_point()
    {
        EnergyRuleOptions options = Parse(new()
        {
            ["energy:mode"] = "Profitable",
            ["energy:margin"] = "0.2",
            ["energy:pricePerKwh"] = "0.41",
            ["energy:tariff"] = "07:00-22:00=0.41, 22:00-07:00=0.19",
            ["energy:dailyKwh"] = "0.05",
            ["energy:monthlyKwh"] = "1.5",
            ["energy:unknownAction"] = "mine",
        });

        EnergyPolicy policy = options.ToPolicy(5000, 2700);

        // 0.2 → 200 ‰; 0.41 €/kWh → 410 000 000 n€/kWh; 0.05 kWh → 50 000 mWh; 1.5 kWh → 1 500 000 mWh.
        Assert.Equal((EnergyMode.Profitable, 200, 410_000_000L), (policy.Mode, policy.MarginPermille, policy.FlatPriceNanoPerKwh));
        Assert.Equal((50_000L, 1_500_000L), (policy.DailyBudgetMilliWh, policy.MonthlyBudgetMilliWh));
        Assert.Equal(["07:00-22:00=0.41", "22:00-07:00=0.19"], Array.ConvertAll(policy.Tariff, t => t.ToString()));
        Assert.Equal((UnknownEnergyAction.Mine, 300, 5000, 2700), (policy.UnknownAction, policy.MinSwitchSeconds, policy.BoardMilliW, policy.IdleMilliW));
    }

    [Theory]
    [InlineData("energy:mode", "sometimes", "energy:mode = 'sometimes' is invalid; allowed: always, profitable, surplus or budget")]
    [InlineData("energy:margin", "-0.1", "energy:margin = '-0.1' is invalid; allowed: a fraction from 0 to 10")]
    [InlineData("energy:tariff", "22:00-07:00", "energy:tariff entry '22:00-07:00' is invalid; allowed: HH:MM-HH:MM=price")]
    [InlineData("energy:priceTopic", "home/+/price", "energy:priceTopic = 'home/+/price' is invalid; allowed: one MQTT topic name without the wildcards")]
    [InlineData("energy:unknownAction", "guess", "energy:unknownAction = 'guess' is invalid; allowed: pause or mine")]
    [InlineData("energy:currency", "€", "energy:currency = '€' is invalid; allowed: an ISO 4217 currency code, three capital letters")]
    [InlineData("energy:currency", "eur", "energy:currency = 'eur' is invalid; allowed: an ISO 4217 currency code")]
    [InlineData("energy:currency", "EURO", "energy:currency = 'EURO' is invalid; allowed: an ISO 4217 currency code")]
    [InlineData("energy:topicTimeout", "forever", "energy:topicTimeout = 'forever' is invalid; allowed: a whole number from 0 to 604800")]
    public void A_wrong_value_names_the_key_the_value_and_what_is_allowed(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse(new() { [key] = value }));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_currency_is_an_ISO_4217_code_shown_in_reasons_and_unset_shows_the_generic_sign()
    {
        EnergyRuleOptions chf = Parse(new() { ["energy:currency"] = "CHF" });
        Assert.Equal("CHF", chf.Currency);
        Assert.Equal("CHF", chf.ToPolicy(5000, 2700).Currency);

        EnergyRuleOptions unset = Parse(new());
        Assert.Null(unset.Currency);
        Assert.Equal("¤", unset.ToPolicy(5000, 2700).Currency);
    }

    [Fact]
    public void Surplus_mode_needs_its_topic_and_topics_need_mqtt()
    {
        var surplus = Assert.Throws<ConfigurationException>(() => Parse(new() { ["energy:mode"] = "surplus" }));
        Assert.Contains("energy:mode = surplus needs energy:surplusTopic", surplus.Message, StringComparison.Ordinal);

        var noMqtt = Assert.Throws<ConfigurationException>(() => Parse(new() { ["energy:priceTopic"] = "home/price" }, mqtt: false));
        Assert.Contains("energy:priceTopic is set but mqtt:enabled is false", noMqtt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mode_that_needs_the_board_power_without_it_names_the_key()
    {
        EnergyRuleOptions options = Parse(new() { ["energy:mode"] = "budget", ["energy:dailyKwh"] = "0.1" });

        var error = Assert.Throws<ConfigurationException>(() => options.ToPolicy(0, 0));

        Assert.Contains("energy:mode = budget needs the board's power: set energy:boardWatts", error.Message, StringComparison.Ordinal);

        // The power model's reason (the board is not in the table) tells the owner why the figure is missing.
        var explained = Assert.Throws<ConfigurationException>(() => options.ToPolicy(0, 0, "unknown: Acme Board is not in the board table"));
        Assert.EndsWith("The board's power is unknown: Acme Board is not in the board table.", explained.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readings_come_from_the_topics_demo_work_earns_a_known_zero_and_an_old_value_goes_stale()
    {
        var time = new Service.ManualClock();
        EnergyRuleOptions options = Parse(new()
        {
            ["energy:mode"] = "surplus",
            ["energy:surplusTopic"] = "home/export",
            ["energy:priceTopic"] = "home/price",
            ["energy:topicTimeout"] = "60",
        });
        var inputs = new EnergyInputs(options, earnings: null, time);

        inputs.Accept("home/price", Encoding.UTF8.GetBytes("0.41"));
        inputs.Accept("home/export", Encoding.UTF8.GetBytes("{\"value\": 1.5}"));
        var fresh = new GovernorInputs();
        inputs.Fill(fresh);

        Assert.Equal((true, 410_000_000L), (fresh.Energy.PriceKnown, fresh.Energy.PriceNanoPerKwh));
        Assert.Equal((true, 1500), (fresh.Energy.SurplusKnown, fresh.Energy.SurplusMilliW));
        Assert.Equal((true, 0L, "demo work earns nothing"), (fresh.Energy.EarningsKnown, fresh.Energy.EarningsNanoPerHour, fresh.Energy.EarningsSource));

        time.Advance(TimeSpan.FromSeconds(61));
        var stale = new GovernorInputs();
        inputs.Fill(stale);

        Assert.False(stale.Energy.PriceKnown);
        Assert.Equal("no message on home/price for 61 s (energy:topicTimeout = 60 s)", stale.Energy.PriceUnknownWhy);
        Assert.False(stale.Energy.SurplusKnown);
    }
}
