using System;
using System.Globalization;
using CsCheck;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class MilliCelsiusTests
{
    [Theory]
    [InlineData(71234, "71.2")]
    [InlineData(71250, "71.3")]
    [InlineData(70000, "70.0")]
    [InlineData(-5350, "-5.4")]
    [InlineData(-40, "0.0")]
    [InlineData(49, "0.0")]
    [InlineData(50, "0.1")]
    public void Readings_have_one_decimal(int milliC, string expected)
    {
        Assert.Equal(expected, MilliCelsius.FormatReading(milliC));
    }

    [Theory]
    [InlineData(70000, "70")]
    [InlineData(70500, "70.5")]
    [InlineData(-1000, "-1")]
    public void Settings_drop_a_zero_decimal(int milliC, string expected)
    {
        Assert.Equal(expected, MilliCelsius.FormatSetting(milliC));
    }

    [Fact]
    public void Integer_formatting_agrees_with_decimal_rounding()
    {
        Gen.Int[-200_000, 200_000].Sample(milliC =>
        {
            decimal rounded = Math.Round(milliC / 1000m, 1, MidpointRounding.AwayFromZero);
            string expected = (rounded == 0 ? 0m : rounded).ToString("0.0", CultureInfo.InvariantCulture);
            Assert.Equal(expected, MilliCelsius.FormatReading(milliC));
        });
    }
}
