using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>A throw-away CA and certificates it signs, written as PEM files (what mosquitto and the agent read).</summary>
public sealed class TestCertificates
{
    readonly X509Certificate2 _ca;

    TestCertificates(X509Certificate2 ca, string name)
    {
        _ca = ca;
        Name = name;
    }

    /// <summary>Name used in subjects and file names.</summary>
    public string Name { get; }

    /// <summary>Creates a self-signed CA.</summary>
    public static TestCertificates CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=IotMiner test CA {name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        X509Certificate2 ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return new TestCertificates(ca, name);
    }

    /// <summary>Writes the CA certificate; returns its path.</summary>
    public string WriteCa(string directory)
    {
        string path = Path.Combine(directory, $"{Name}-ca.crt");
        File.WriteAllText(path, _ca.ExportCertificatePem());
        return path;
    }

    /// <summary>Issues a server certificate for 127.0.0.1/localhost; returns (cert path, key path).</summary>
    public (string Cert, string Key) WriteServer(string directory) => Issue(directory, "server", isServer: true);

    /// <summary>Issues a client certificate; returns (cert path, key path).</summary>
    public (string Cert, string Key) WriteClient(string directory) => Issue(directory, "client", isServer: false);

    (string Cert, string Key) Issue(string directory, string role, bool isServer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=iotminer-test-{role}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(isServer ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (isServer)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 cert = request.Create(_ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        string certPath = Path.Combine(directory, $"{Name}-{role}.crt");
        string keyPath = Path.Combine(directory, $"{Name}-{role}.key");
        File.WriteAllText(certPath, cert.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}
