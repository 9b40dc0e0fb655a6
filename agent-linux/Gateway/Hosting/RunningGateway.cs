namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>
/// The gateway the host is running, once it runs: the REST API and <c>/metrics</c> read its devices and counters here
/// (the instance is composed inside its hosted service, after the ledger opens).
/// </summary>
public sealed class RunningGateway
{
    private GatewayInstance? _current;

    /// <summary>The running gateway; null before it started and after it stopped.</summary>
    public GatewayInstance? Current => System.Threading.Volatile.Read(ref _current);

    internal void Set(GatewayInstance? gateway) => System.Threading.Volatile.Write(ref _current, gateway);
}
