using System;
using System.Collections.Generic;
using System.IO;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Connection;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class MqttOptionsTests
{
    static MqttOptions Parse(params (string Key, string Value)[] settings)
    {
        var map = new Dictionary<string, string>();
        foreach ((string key, string value) in settings)
        {
            map[key] = value;
        }

        return MqttOptions.Parse(key => map.GetValueOrDefault(key));
    }

    [Fact]
    public void Defaults_use_the_embedded_broker_with_home_assistant()
    {
        MqttOptions options = Parse();

        Assert.True(options.UsesEmbeddedBroker);
        Assert.Equal(1883, options.EmbeddedBrokerPort);
        Assert.True(options.HomeAssistant);
        Assert.Equal("homeassistant", options.DiscoveryPrefix);
        Assert.Equal(TimeSpan.FromSeconds(10), options.StatusInterval);
        Assert.Equal(MqttProtocolChoice.Auto, options.Protocol);
        Assert.Null(options.DeviceId);
    }

    [Fact]
    public void Tls_defaults_to_port_8883_and_an_explicit_port_wins()
    {
        Assert.Equal(8883, Parse(("mqtt:host", "broker"), ("mqtt:tls", "true")).Port);
        Assert.Equal(1883, Parse(("mqtt:host", "broker")).Port);
        Assert.Equal(9000, Parse(("mqtt:host", "broker"), ("mqtt:tls", "true"), ("mqtt:port", "9000")).Port);
    }

    [Theory]
    [InlineData("mqtt:port", "70000", "mqtt:port = '70000' is invalid; allowed: a whole number from 1 to 65535")]
    [InlineData("mqtt:tls", "maybe", "mqtt:tls = 'maybe' is not a boolean; allowed: true or false")]
    [InlineData("mqtt:deviceId", "my pi", "mqtt:deviceId = 'my pi' is invalid")]
    [InlineData("mqtt:protocol", "4", "mqtt:protocol = '4' is invalid; allowed: auto, 5 or 3.1.1")]
    [InlineData("mqtt:statusIntervalSeconds", "0", "mqtt:statusIntervalSeconds = '0' is invalid")]
    [InlineData("mqtt:discoveryPrefix", "home/assistant", "mqtt:discoveryPrefix = 'home/assistant' is invalid")]
    [InlineData("mqtt:caFile", "/nonexistent/ca.pem", "mqtt:caFile = '/nonexistent/ca.pem': no such file")]
    public void Invalid_values_name_key_value_and_what_is_allowed(string key, string value, string expected)
    {
        var error = Assert.Throws<MqttOptionsException>(() => Parse(("mqtt:host", "broker"), (key, value)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<MqttOptionsException>(() => Parse(("mqtt:port", "x"), ("mqtt:password", "secret"), ("mqtt:tls", "true")));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("mqtt:password is set without mqtt:username"));
        Assert.Contains(error.Problems, p => p.Contains("mqtt:tls is true but mqtt:host is empty"));
    }

    [Fact]
    public void Certificate_files_without_tls_are_refused()
    {
        string file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<MqttOptionsException>(() => Parse(("mqtt:host", "broker"), ("mqtt:caFile", file)));

            Assert.Contains("mqtt:tls is false", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Description_never_contains_the_password()
    {
        MqttOptions options = Parse(("mqtt:host", "broker"), ("mqtt:username", "miner"), ("mqtt:password", "hunter2"));

        Assert.DoesNotContain("hunter2", options.ToString());
        Assert.Contains("miner@broker:1883", options.ToString());
    }
}
