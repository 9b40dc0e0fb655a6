using System;
using System.IO;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>TLS against mosquitto with a throw-away CA: trusted, untrusted, and a required client certificate.</summary>
public sealed class MqttTlsTests : IAsyncLifetime
{
    readonly TestCertificates _ca = TestCertificates.CreateCa("good");
    readonly TestCertificates _rogue = TestCertificates.CreateCa("rogue");
    MosquittoBroker _broker = null!;
    string _caFile = "";
    string _rogueCaFile = "";
    string _clientCert = "";
    string _clientKey = "";

    public async Task InitializeAsync() =>
        _broker = await MosquittoBroker.StartAsync(directory =>
        {
            _caFile = _ca.WriteCa(directory);
            _rogueCaFile = _rogue.WriteCa(directory);
            (string cert, string key) = _ca.WriteServer(directory);
            (_clientCert, _clientKey) = _ca.WriteClient(directory);
            return $"""
                cafile {_caFile}
                certfile {cert}
                keyfile {key}
                require_certificate true
                """;
        });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    RunningReporter Start(string deviceId, string caFile, bool withClientCert) =>
        RunningReporter.Start(deviceId,
            ("mqtt:host", "127.0.0.1"), ("mqtt:port", _broker.Port.ToString()), ("mqtt:tls", "true"), ("mqtt:caFile", caFile),
            ("mqtt:clientCertFile", withClientCert ? _clientCert : ""), ("mqtt:clientKeyFile", withClientCert ? _clientKey : ""));

    [Fact]
    public async Task Connects_with_the_ca_file_and_a_client_certificate_and_publishes()
    {
        await using RunningReporter agent = Start("tls-ok", _caFile, withClientCert: true);

        MqttConnection connection = await agent.ConnectedAsync();
        agent.Reporter.Outbox.Enqueue(ShareOutboxTests.Share(1) with { DeviceId = "tls-ok" });

        Assert.True(connection.IsConnected);
        await MqttBrokerContractTests.WaitUntilAsync(() => agent.Reporter.Outbox.Count == 0, "share acknowledged over TLS");
    }

    [Fact]
    public async Task Refuses_a_server_certificate_from_a_ca_it_does_not_trust()
    {
        await using RunningReporter agent = Start("tls-rogue", _rogueCaFile, withClientCert: true);
        MqttConnection connection = await agent.Reporter.Connection;

        await MqttBrokerContractTests.WaitUntilAsync(() => connection.LastError is not null, "a TLS error is reported");
        await Task.Delay(500);

        Assert.False(connection.IsConnected);
        Assert.Equal(0, connection.ConnectionCount);
        Assert.Contains("127.0.0.1:" + _broker.Port, connection.LastError);
        Assert.Contains("does not lead to a CA in mqtt:caFile", connection.LastError);
        Assert.Contains("UntrustedRoot", connection.LastError);
    }

    [Fact]
    public async Task Broker_requiring_a_client_certificate_refuses_an_agent_without_one()
    {
        await using RunningReporter agent = Start("tls-nocert", _caFile, withClientCert: false);
        MqttConnection connection = await agent.Reporter.Connection;

        await MqttBrokerContractTests.WaitUntilAsync(() => connection.LastError is not null, "a refusal is reported");

        Assert.Equal(0, connection.ConnectionCount);
    }

    [Fact]
    public void An_unreadable_ca_file_is_reported_with_its_key()
    {
        string bad = Path.Combine(_broker.Directory, "not-a-cert.pem");
        File.WriteAllText(bad, "hello");
        var options = MqttOptions.Parse(key => key switch
        {
            "mqtt:host" => "127.0.0.1",
            "mqtt:tls" => "true",
            "mqtt:caFile" => bad,
            _ => null,
        });

        var error = Assert.Throws<MqttOptionsException>(() => new MqttSessionSettings(options, new MqttTopics("x"), "127.0.0.1", _broker.Port));

        Assert.Contains($"mqtt:caFile = '{bad}'", error.Message);
    }
}
