using System.Text;
using CsCheck;
using IotMinerAgent.Linux.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>The one field the gateway reads from a device's status, from outside input that cannot be trusted.</summary>
public sealed class StatusEnergyJsonTests
{
    [Theory]
    [InlineData("{\"v\": 1, \"energy_kwh\": 0.0125}", 0.0125)]
    [InlineData("{\"energy_kwh\": 3}", 3.0)]
    [InlineData("{\"energy_kwh\": -5}", -5.0)] // read as sent; the counter refuses it
    public void Reads_the_counter(string json, double expected)
    {
        Assert.True(StatusEnergyJson.TryRead(Encoding.UTF8.GetBytes(json), out double? kwh, out string? problem), problem);
        Assert.Equal(expected, kwh);
    }

    [Theory]
    [InlineData("{\"v\": 1}")]
    [InlineData("{\"energy_kwh\": null}")]
    public void A_status_without_a_counter_is_read_with_none(string json)
    {
        Assert.True(StatusEnergyJson.TryRead(Encoding.UTF8.GetBytes(json), out double? kwh, out _));
        Assert.Null(kwh);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"energy_kwh\": \"lots\"}", "not a number")]
    [InlineData("{\"energy_kwh\": {\"value\": 1}}", "not a number")]
    [InlineData("[[[[[[[[[[[[1]]]]]]]]]]]]", "not valid JSON")]
    public void Anything_else_is_a_problem_named_never_an_exception(string json, string problem)
    {
        Assert.False(StatusEnergyJson.TryRead(Encoding.UTF8.GetBytes(json), out _, out string? said));
        Assert.Contains(problem, said, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_and_random_payloads_never_throw()
    {
        Assert.False(StatusEnergyJson.TryRead(new byte[StatusEnergyJson.MaxBytes + 1], out _, out string? problem));
        Assert.Contains("more than", problem, System.StringComparison.Ordinal);
        Gen.Byte.Array[0, 300].Sample(bytes => StatusEnergyJson.TryRead(bytes, out _, out _) || true);
    }
}
