namespace IotMinerAgent.Linux.Stratum;

/// <summary>One pool of the failover list: its address, the worker credentials and how to trust its TLS certificate.</summary>
public sealed class StratumPoolOptions
{
    /// <summary>Pool address: <c>stratum+tcp://host:port</c>, or <c>stratum+ssl://host:port</c> for TLS.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Worker name sent in <c>mining.authorize</c> and every <c>mining.submit</c>, often <c>wallet.worker</c>.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Worker password; most pools ignore it, so the convention is <c>x</c>.</summary>
    public string Password { get; set; } = "x";

    /// <summary>
    /// Optional PEM or DER file with the CA certificate(s) that must have issued the pool's TLS certificate, instead of the
    /// system trust store. A self-signed pool certificate is its own CA: give the certificate itself.
    /// </summary>
    public string? TlsCaFile { get; set; }

    /// <summary>
    /// Optional SHA-256 pin (64 hex digits, colons allowed) of the pool certificate's SubjectPublicKeyInfo or of the whole
    /// DER certificate. Checked in addition to the chain, never instead of it.
    /// </summary>
    public string? TlsPinSha256 { get; set; }
}
