using System.IO;

namespace IotMinerAgent.Linux.Service;

/// <summary>
/// Where the service's files live, below a root directory: "/" on a real system, a temporary directory in tests
/// (like dpkg's and systemd's --root). <see cref="Resolve"/> maps a path as systemd sees it to the file to touch.
/// </summary>
public sealed class ServicePaths(string root)
{
    /// <summary>The unit name.</summary>
    public const string UnitName = "iotminer.service";

    /// <summary>The system user and group the service runs as.</summary>
    public const string User = "iotminer";

    /// <summary>The configuration file as the unit names it.</summary>
    public const string ConfigFile = "/etc/iotminer/iotminer.json";

    /// <summary>The configuration directory (ConfigurationDirectory=iotminer).</summary>
    public const string ConfigDirectory = "/etc/iotminer";

    /// <summary>The state directory (StateDirectory=iotminer), also the system user's home.</summary>
    public const string StateDirectory = "/var/lib/iotminer";

    /// <summary>Where <c>iotminer service install</c> writes the unit (the administrator's unit directory).</summary>
    public const string InstalledUnitFile = "/etc/systemd/system/" + UnitName;

    /// <summary>Where the Debian package puts the unit; both spellings, as /lib is /usr/lib on merged-/usr systems.</summary>
    public static readonly string[] PackagedUnitFiles = ["/lib/systemd/system/" + UnitName, "/usr/lib/systemd/system/" + UnitName];

    /// <summary>The root directory.</summary>
    public string Root { get; } = root;

    /// <summary>The paths of a real system (root "/").</summary>
    public static ServicePaths Host { get; } = new("/");

    /// <summary>The file behind <paramref name="absolutePath"/> under <see cref="Root"/>.</summary>
    public string Resolve(string absolutePath) => Root == "/" ? absolutePath : Path.Join(Root, absolutePath);
}
