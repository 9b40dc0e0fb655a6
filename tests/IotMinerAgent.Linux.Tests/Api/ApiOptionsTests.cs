using System.Collections.Generic;
using System.Net;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Configuration;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>The api section: defaults, and a bind beyond loopback refused without a token.</summary>
public sealed class ApiOptionsTests
{
    [Fact]
    public void Defaults_are_loopback_port_4048_read_only_without_token()
    {
        ApiOptions options = ApiOptions.Parse(_ => null);
        Assert.True(options.Enabled);
        Assert.Equal(IPAddress.Loopback, options.Host);
        Assert.Equal(4048, options.Port);
        Assert.Null(options.AccessToken);
        Assert.True(options.ReadOnly);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    [InlineData("::")]
    public void A_bind_beyond_loopback_needs_a_token(string host)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse(("api:host", host)));
        Assert.Contains("api:accessToken", error.Message);
        Assert.Contains("api:host = '" + IPAddress.Parse(host) + "'", error.Message);

        ApiOptions options = Parse(("api:host", host), ("api:accessToken", "0123456789abcdef0123"));
        Assert.Equal(IPAddress.Parse(host), options.Host);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Loopback_needs_no_token(string host) => Assert.True(IPAddress.IsLoopback(Parse(("api:host", host)).Host));

    [Theory]
    [InlineData("api:host", "my.pi.lan", "api:host = 'my.pi.lan' is invalid")]
    [InlineData("api:port", "70000", "api:port = '70000' is invalid")]
    [InlineData("api:readOnly", "maybe", "api:readOnly = 'maybe' is not a boolean")]
    [InlineData("api:accessToken", "short", "api:accessToken is too short")]
    public void Bad_values_name_the_key(string key, string value, string message)
        => Assert.Contains(message, Assert.Throws<ConfigurationException>(() => Parse((key, value))).Message);

    private static ApiOptions Parse(params (string Key, string Value)[] values)
    {
        var map = new Dictionary<string, string>();
        foreach ((string key, string value) in values)
        {
            map[key] = value;
        }

        return ApiOptions.Parse(key => map.GetValueOrDefault(key));
    }
}
