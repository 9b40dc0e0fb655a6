using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>Opens a <see cref="IStratumTransport"/> to a pool: over TCP (and TLS) by default, in memory in tests.</summary>
public interface IStratumDialer
{
    /// <summary>Connects to <paramref name="endpoint"/>; a TLS endpoint's server is checked with <paramref name="certificates"/>.</summary>
    Task<IStratumTransport> DialAsync(StratumEndpoint endpoint, ServerCertificatePolicy certificates, CancellationToken cancellationToken);
}
