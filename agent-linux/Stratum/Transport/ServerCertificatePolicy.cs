using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>
/// Decides whether a pool's TLS certificate is trusted: the host name must match, the chain must end in the system
/// store or, when a CA file is given, in one of its certificates, and a configured pin must match as well.
/// </summary>
public sealed class ServerCertificatePolicy
{
    private readonly X509Certificate2Collection? _customRoots;
    private readonly CertificatePin? _pin;

    /// <summary>Creates a policy; <paramref name="customRoots"/> null means the system trust store.</summary>
    public ServerCertificatePolicy(X509Certificate2Collection? customRoots, CertificatePin? pin)
    {
        _customRoots = customRoots;
        _pin = pin;
    }

    /// <summary>The policy for a pool's CA file and certificate pin (both optional; a pool's <c>tlsCaFile</c> and <c>tlsPinSha256</c>).</summary>
    public static ServerCertificatePolicy FromSettings(string? caFile, string? pinSha256)
    {
        X509Certificate2Collection? roots = string.IsNullOrEmpty(caFile) ? null : LoadCaFile(caFile);
        CertificatePin? pin = null;
        if (!string.IsNullOrEmpty(pinSha256) && !CertificatePin.TryParse(pinSha256, out pin))
        {
            throw new ArgumentException($"TlsPinSha256 '{pinSha256}' is not 64 hex digits.", nameof(pinSha256));
        }

        return new ServerCertificatePolicy(roots, pin);
    }

    /// <summary>Loads every certificate of a PEM bundle, or the single certificate of a DER file.</summary>
    public static X509Certificate2Collection LoadCaFile(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
            if (roots.Count == 0)
            {
                roots.Add(X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path)));
            }
        }
        catch (CryptographicException error)
        {
            throw new InvalidDataException($"TLS CA file '{path}' holds no PEM or DER certificate: {error.Message}", error);
        }

        return roots;
    }

    /// <summary>Checks a server certificate; <paramref name="problem"/> says why it was refused.</summary>
    public bool IsTrusted(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, out string problem)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problem = "the pool sent no TLS certificate";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problem = "the pool's TLS certificate is not issued for this host name";
            return false;
        }

        using var server = new X509Certificate2(certificate);
        if (!IsChainTrusted(server, chain, errors, out problem))
        {
            return false;
        }

        if (_pin is not null && !_pin.Matches(server))
        {
            problem = $"the pool's TLS certificate (SPKI SHA-256 {CertificatePin.SpkiSha256(server)}) does not match TlsPinSha256";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private bool IsChainTrusted(X509Certificate2 server, X509Chain? presented, SslPolicyErrors errors, out string problem)
    {
        problem = string.Empty;
        if (_customRoots is null)
        {
            if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
            {
                problem = "the pool's TLS certificate is not trusted by the system store (give TlsCaFile for a private CA)";
                return false;
            }

            return true;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_customRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (X509ChainElement element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(server))
        {
            problem = "the pool's TLS certificate is not issued by a certificate of TlsCaFile";
            return false;
        }

        return true;
    }
}
