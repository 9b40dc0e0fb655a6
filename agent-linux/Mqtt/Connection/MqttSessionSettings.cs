using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt.Messages;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>
/// Everything needed to open a session with the broker: endpoint, client id, credentials, TLS material
/// (loaded once, so a bad file is reported at start, not at every reconnect) and the last will.
/// </summary>
public sealed class MqttSessionSettings
{
    readonly MqttOptions _options;
    readonly X509Certificate2Collection? _trustedCas;
    readonly X509Certificate2Collection? _clientCertificates;

    /// <summary>
    /// Prepares the session of <paramref name="topics"/>' device against <paramref name="host"/>:<paramref name="port"/>,
    /// also subscribed to <paramref name="listened"/> (the owner's energy topics, e.g. a price Home Assistant publishes).
    /// </summary>
    /// <exception cref="MqttOptionsException">A CA or client certificate file cannot be read.</exception>
    public MqttSessionSettings(MqttOptions options, MqttTopics topics, string host, int port, IReadOnlyList<string>? listened = null)
        : this(options, DeviceTopic.ClientId(topics.DeviceIdValue), topics.Availability, host, port)
    {
        List<string> filters = options.HomeAssistant ? [topics.CommandFilter, topics.HomeAssistantStatus] : [topics.CommandFilter];
        filters.AddRange((listened ?? []).Where(topic => !filters.Contains(topic)));
        Subscriptions = filters;
    }

    /// <summary>
    /// Prepares a session that is not a device's (the fleet gateway): its own client id and availability topic, the
    /// same TLS, credentials and keep-alive from <paramref name="options"/>.
    /// </summary>
    /// <exception cref="MqttOptionsException">A CA or client certificate file cannot be read.</exception>
    public MqttSessionSettings(MqttOptions options, string clientId, string availabilityTopic, string host, int port)
    {
        _options = options;
        Host = host;
        Port = port;
        ClientId = clientId;
        AvailabilityTopic = availabilityTopic;
        if (options.Tls)
        {
            _trustedCas = options.CaFile is null ? null : LoadCas(options.CaFile);
            _clientCertificates = options.ClientCertFile is null ? null : LoadClientCertificate(options.ClientCertFile, options.ClientKeyFile);
        }
    }

    /// <summary>Broker host.</summary>
    public string Host { get; }

    /// <summary>Broker port.</summary>
    public int Port { get; }

    /// <summary>MQTT client id: <c>iotminer-&lt;device_id&gt;</c>.</summary>
    public string ClientId { get; }

    /// <summary>Topic filters subscribed (QoS 1) after every (re)connection; a device's: <c>cmd/#</c> and, with Home Assistant, its status.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>
    /// True when the session is useless without every subscription: a refused one fails the attempt (the error names
    /// the filter and the fix) and the session retries with backoff. False (a device's): it is logged and the session carries on.
    /// </summary>
    public bool SubscriptionsRequired { get; init; }

    /// <summary>
    /// Filters among <see cref="Subscriptions"/> the session can do without even when <see cref="SubscriptionsRequired"/>:
    /// a refusal is logged and the session carries on (the gateway's status subscription, which only feeds its energy ledger).
    /// </summary>
    public IReadOnlyList<string> OptionalSubscriptions { get; init; } = [];

    /// <summary>
    /// Why this session cannot do without MQTT 5 and how to get a broker that speaks it; when set, the session speaks
    /// MQTT 5 only (whatever <c>mqtt:protocol</c> says) and a broker that refuses or drops an MQTT 5 CONNECT gets an
    /// error ending with it. Null (a device's): <c>mqtt:protocol</c> decides, with its 3.1.1 fallback.
    /// </summary>
    public string? Mqtt5Requirement { get; init; }

    /// <summary>
    /// MQTT 5 session expiry interval in seconds (§3.1.2.11.2). 0 (a device's): every connection starts a clean session.
    /// Above 0 (the gateway's): clean start off, so the broker keeps the session's subscriptions and queues their QoS 1
    /// messages while the client is away, for at most this long.
    /// </summary>
    public uint SessionExpirySeconds { get; init; }

    /// <summary>The MQTT version(s) to try: <c>mqtt:protocol</c>, or MQTT 5 only under <see cref="Mqtt5Requirement"/>.</summary>
    public MqttProtocolChoice Protocol => Mqtt5Requirement is null ? _options.Protocol : MqttProtocolChoice.V5;

    /// <summary>Where <c>online</c> / <c>offline</c> go; the last will publishes <c>offline</c> here.</summary>
    public string AvailabilityTopic { get; }

    /// <summary>Why the last TLS handshake refused the broker's certificate; null when it was accepted.</summary>
    public string? LastCertificateProblem { get; private set; }

    /// <summary>Builds the MQTTnet client options for <paramref name="version"/>.</summary>
    public MqttClientOptions Build(MqttProtocolVersion version)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, Port)
            .WithClientId(ClientId)
            .WithProtocolVersion(version)
            // A device's commands are not worth replaying after a reconnect (a stale "pause" could surprise the owner),
            // so its connections start clean; the gateway keeps its session so no device share is lost while it is away.
            .WithCleanStart(SessionExpirySeconds == 0)
            .WithSessionExpiryInterval(version == MqttProtocolVersion.V500 ? SessionExpirySeconds : 0)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(AvailabilityTopic)
            .WithWillPayload(Encoding.UTF8.GetBytes(MqttContract.Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_options.Username is not null)
        {
            builder = builder.WithCredentials(_options.Username, _options.Password ?? "");
        }

        if (_options.Tls)
        {
            builder = builder.WithTlsOptions(BuildTls());
        }

        return builder.Build();
    }

    MqttClientTlsOptions BuildTls()
    {
        MqttClientTlsOptionsBuilder tls = new MqttClientTlsOptionsBuilder()
            .UseTls(true)
            .WithTargetHost(Host)
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithCertificateValidationHandler(ValidateServerCertificate);
        if (_trustedCas is not null)
        {
            // MQTTnet turns a trust chain into X509ChainTrustMode.CustomRootTrust: only these CAs are trusted,
            // the host name is still checked, and no certificate-accepting shortcut is taken.
            tls = tls.WithTrustChain(_trustedCas);
        }

        if (_clientCertificates is not null)
        {
            tls = tls.WithClientCertificates(_clientCertificates);
        }

        return tls.Build();
    }

    // The platform has already evaluated the chain (against mqtt:caFile only, when set) and the host name;
    // this only keeps the reason, so the error says more than "rejected by the validation callback".
    bool ValidateServerCertificate(MqttClientCertificateValidationEventArgs args)
    {
        if (args.SslPolicyErrors == SslPolicyErrors.None)
        {
            LastCertificateProblem = null;
            return true;
        }

        var problems = new List<string>();
        if (args.SslPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problems.Add("the broker sent no certificate");
        }

        if (args.SslPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add($"the certificate is not issued for '{Host}' (set mqtt:host to a name in its subject alternative names)");
        }

        if (args.SslPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            string status = string.Join(", ", (args.Chain?.ChainStatus ?? []).Select(s => s.Status).Distinct());
            problems.Add(_trustedCas is null
                ? $"the certificate chain is not trusted by the system ({status}); set mqtt:caFile to the CA that signed it"
                : $"the certificate chain does not lead to a CA in mqtt:caFile ({status})");
        }

        LastCertificateProblem = $"broker certificate '{args.Certificate?.Subject}' refused: {string.Join("; ", problems)}";
        return false;
    }

    static X509Certificate2Collection LoadCas(string path)
    {
        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is CryptographicException or System.IO.IOException or UnauthorizedAccessException)
        {
            throw new MqttOptionsException([$"mqtt:caFile = '{path}' cannot be read as PEM certificates ({exception.Message}); allowed: a PEM file with one or more CA certificates"]);
        }

        if (cas.Count == 0)
        {
            throw new MqttOptionsException([$"mqtt:caFile = '{path}' holds no certificate; allowed: a PEM file with one or more '-----BEGIN CERTIFICATE-----' blocks"]);
        }

        return cas;
    }

    static X509Certificate2Collection LoadClientCertificate(string certPath, string? keyPath)
    {
        try
        {
            return [X509Certificate2.CreateFromPemFile(certPath, keyPath)];
        }
        catch (Exception exception) when (exception is CryptographicException or System.IO.IOException or UnauthorizedAccessException)
        {
            throw new MqttOptionsException([$"mqtt:clientCertFile = '{certPath}' (key {keyPath ?? "in the same file"}) cannot be loaded ({exception.Message}); allowed: a PEM certificate and its unencrypted PEM private key"]);
        }
    }
}
