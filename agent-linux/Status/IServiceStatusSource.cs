

namespace IotMinerAgent.Linux.Status;

/// <summary>
/// Supplies the one-line summary the agent reports to systemd as <c>STATUS=</c> (shown by
/// <c>systemctl status iotminer</c>); build it with the Service folder's <c>ServiceStatusLine.Format</c>.
/// </summary>
public interface IServiceStatusSource
{
    /// <summary>The current summary, one line, with no secrets (it is shown to every user who runs systemctl).</summary>
    string Describe();
}
