using System;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Hashing.Tests.Duino;

/// <summary>The tier table (the pools' start difficulties) and the IoT field builder.</summary>
public class DuinoTierAndIotTests
{
    [Theory]
    [InlineData("AVR", 6u)]
    [InlineData("ARM", 100u)]
    [InlineData("ESP8266", 1000u)]
    [InlineData("ESP8266H", 1000u)]
    [InlineData("ESP32", 1500u)]
    [InlineData("LOW", 7500u)]
    [InlineData("MEDIUM", 75000u)]
    [InlineData("NET", 100000u)]
    public void Tiers_start_at_the_pools_difficulties(string name, uint difficulty)
    {
        Assert.True(DuinoTiers.TryFind(name.ToLowerInvariant(), out DuinoTier tier));
        Assert.Equal(name, tier.Name);
        Assert.Equal(difficulty, tier.StartDifficulty);
    }

    [Fact]
    public void Unknown_tier_is_not_found()
    {
        Assert.False(DuinoTiers.TryFind("HIGH", out _));
        Assert.Equal("AVR, ARM, ESP8266, ESP8266H, ESP32, LOW, MEDIUM, NET", DuinoTiers.Names());
    }

    [Fact]
    public void Next_and_previous_move_one_tier_and_stop_at_the_ends()
    {
        Assert.Same(DuinoTiers.Medium, DuinoTiers.Next(DuinoTiers.Low));
        Assert.Same(DuinoTiers.Esp32, DuinoTiers.Previous(DuinoTiers.Low));
        Assert.Same(DuinoTiers.Net, DuinoTiers.Next(DuinoTiers.Net));
        Assert.Same(DuinoTiers.Avr, DuinoTiers.Previous(DuinoTiers.Avr));
    }

    [Fact]
    public void Every_tier_is_harder_than_or_as_hard_as_the_one_before()
    {
        for (int rank = 1; rank < DuinoTiers.Count; rank++)
        {
            Assert.True(DuinoTiers.At(rank).StartDifficulty >= DuinoTiers.At(rank - 1).StartDifficulty);
            Assert.Equal(rank, DuinoTiers.At(rank).Rank);
        }
    }

    [Theory]
    [InlineData(48.2, "Temp:48.2*C")]
    [InlineData(48.25, "Temp:48.3*C")]
    [InlineData(0.04, "Temp:0.0*C")]
    [InlineData(-3.96, "Temp:-4.0*C")]
    [InlineData(-0.5, "Temp:-0.5*C")]
    [InlineData(105, "Temp:105.0*C")]
    public void Temperature_reading_has_one_decimal_and_a_star_for_the_degree_sign(double celsius, string field)
    {
        Assert.Equal(field, DuinoIotField.Temperature(celsius));
    }

    [Fact]
    public void Clean_drops_disallowed_characters_and_cuts_to_48()
    {
        Assert.Equal("Temp:48.2C@Hum:40%", DuinoIotField.Clean("Temp:48.2°C,@Hum:40%\n"));
        string cleaned = DuinoIotField.Clean(new string('x', 60));
        Assert.Equal(48, cleaned.Length);
        Assert.Equal("", DuinoIotField.Clean(null!));
    }

    [Fact]
    public void Temperature_out_of_any_board_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DuinoIotField.Temperature(double.NaN));
    }
}
