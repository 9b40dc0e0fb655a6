namespace IotMinerAgent.Linux.Service;

/// <summary>
/// Supplies the one-line summary the agent reports to systemd as <c>STATUS=</c> (shown by
/// <c>systemctl status iotminer</c>); build it with <see cref="ServiceStatusLine.Format"/>.
/// </summary>
public interface IServiceStatusSource
{
    /// <summary>The current summary, one line, with no secrets (it is shown to every user who runs systemctl).</summary>
    string Describe();
}
