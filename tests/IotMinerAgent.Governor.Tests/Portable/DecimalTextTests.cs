namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData(410_000_000L, 1_000_000_000L, "0.41")] // 0.41 €/kWh in nano-euros
    [InlineData(2_050_000L, 10_000_000L, "0.205")] // 0.205 ct in nano-euros (1 ct = 10^7 n€)
    [InlineData(20_000L, 10_000_000L, "0.002")]
    [InlineData(5_000L, 1_000L, "5")] // 5 W in mW
    [InlineData(2_054L, 1_000L, "2.05")] // 2.054 W: three significant digits
    [InlineData(123_456L, 1_000L, "123")]
    [InlineData(12_345L, 1_000L, "12.3")]
    [InlineData(999_600L, 1_000_000L, "1")] // 0.9996 rounds up to 1.000, zeros trimmed
    [InlineData(100L, 10_000_000L, "0.00001")]
    [InlineData(-190_000_000L, 1_000_000_000L, "-0.19")]
    [InlineData(0L, 1_000L, "0")]
    public void Formats_three_significant_digits_without_trailing_zeros(long value, long unit, string expected)
        => Assert.Equal(expected, DecimalText.Format(value, unit));

    [Theory]
    [InlineData("0.41", 410_000_000L)]
    [InlineData("1000", 1_000_000_000_000L)]
    [InlineData("-0.19", -190_000_000L)]
    [InlineData("+2", 2_000_000_000L)]
    [InlineData("0.1234567895", 123_456_790L)] // the tenth decimal (5) rounds the ninth up
    [InlineData(" .5 ", 500_000_000L)]
    public void Parses_decimals_into_fixed_point(string text, long expected)
    {
        Assert.True(DecimalText.TryParse(text, 9, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1e3")]
    [InlineData("1.2.3")]
    [InlineData("0,41")]
    [InlineData("99999999999999999999")]
    public void Refuses_what_is_not_a_plain_decimal(string text) => Assert.False(DecimalText.TryParse(text, 9, out _));
}
