using System;
using System.IO;

namespace IotMinerAgent.Linux.Configuration;

/// <summary>Where the agent keeps state: the configured directory, else /var/lib/iotminer as root (the unit's StateDirectory), else the user's XDG state home.</summary>
public static class StatePath
{
    /// <summary>Resolves and creates the state directory.</summary>
    /// <exception cref="ConfigurationException">It cannot be created (a file is in the way, no permission); names the key.</exception>
    public static string Resolve(string configured)
    {
        string path = configured.Length > 0 ? configured : Default();
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string shown = configured.Length > 0 ? $"stateDirectory = '{configured}'" : $"stateDirectory (empty, so the default {path})";
            throw new ConfigurationException($"{shown} cannot be used: {ex.Message} Allowed: a directory the agent can create and write.");
        }

        return path;
    }

    private static string Default()
    {
        string? systemd = Environment.GetEnvironmentVariable("STATE_DIRECTORY");
        if (!string.IsNullOrEmpty(systemd))
        {
            return systemd.Split(':')[0];
        }

        if (Environment.UserName == "root")
        {
            return "/var/lib/iotminer";
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "state") : xdg, "iotminer");
    }
}
