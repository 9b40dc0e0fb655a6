using System.IO;
using System.Reflection;

namespace IotMinerAgent.Linux.Service;

/// <summary>
/// The unit and the example configuration, embedded from agent-linux/Service/iotminer.service and
/// packaging/iotminer.example.json: the same files the Debian package ships, so both installers agree.
/// </summary>
public static class EmbeddedFiles
{
    /// <summary>The packaged unit, with <c>ExecStart=/usr/bin/iotminer …</c>.</summary>
    public static string Unit => Read("iotminer.service");

    /// <summary>The example configuration with comments explaining each key, consent false.</summary>
    public static string ExampleConfig => Read("iotminer.example.json");

    private static string Read(string name)
    {
        using Stream stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The embedded resource '{name}' is missing from the iotminer assembly: the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
