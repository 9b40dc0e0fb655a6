using System.Text;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Tests.Energy;

public sealed class TopicValueTests
{
    [Theory]
    [InlineData("0.41", 0.41)]
    [InlineData(" -1250 \n", -1250)]
    [InlineData("{\"value\": 3.5}", 3.5)]
    [InlineData("{\"state\": \"0.19\", \"unit\": \"EUR/kWh\"}", 0.19)]
    [InlineData("1e3", 1000)]
    public void Reads_what_home_assistant_and_plugs_publish(string payload, double expected)
    {
        Assert.True(TopicValue.TryParse(Encoding.UTF8.GetBytes(payload), out double value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unavailable")]
    [InlineData("unknown")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("{\"state\": \"unavailable\"}")]
    [InlineData("{\"value\": [1]}")]
    [InlineData("{\"value\": \"\\ud800\"}")]
    [InlineData("[1]")]
    [InlineData("{\"value\":")]
    public void Anything_else_is_not_a_value(string payload) => Assert.False(TopicValue.TryParse(Encoding.UTF8.GetBytes(payload), out _));

    [Fact]
    public void Invalid_utf8_and_oversized_payloads_are_not_values()
    {
        Assert.False(TopicValue.TryParse([0x31, 0xff], out _));
        Assert.False(TopicValue.TryParse(Encoding.UTF8.GetBytes(new string('1', TopicValue.MaxPayloadBytes + 1)), out _));
    }
}
