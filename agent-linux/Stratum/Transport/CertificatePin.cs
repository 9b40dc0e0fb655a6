using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>
/// A SHA-256 pin of a server certificate. It matches the digest of the certificate's SubjectPublicKeyInfo (the HPKP
/// style of RFC 7469, survives renewal with the same key) or of the whole DER certificate (what
/// <c>openssl x509 -fingerprint -sha256</c> prints).
/// </summary>
public sealed class CertificatePin
{
    private readonly byte[] _digest;

    private CertificatePin(byte[] digest) => _digest = digest;

    /// <summary>Parses 64 hex digits, optionally separated by colons.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CertificatePin? pin)
    {
        pin = null;
        string hex = (text ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal).Trim();
        if (hex.Length != 64)
        {
            return false;
        }

        try
        {
            pin = new CertificatePin(Convert.FromHexString(hex));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The SHA-256 of the certificate's SubjectPublicKeyInfo, as 64 lowercase hex digits.</summary>
    public static string SpkiSha256(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>True when the certificate's SPKI digest or DER digest equals the pin.</summary>
    public bool Matches(X509Certificate2 certificate) =>
        CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        || CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(certificate.RawData));
}
