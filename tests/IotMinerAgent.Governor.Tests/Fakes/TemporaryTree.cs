using System;
using System.IO;

namespace IotMinerAgent.Governor.Tests.Fakes;

/// <summary>A throw-away directory standing in for /sys or /proc.</summary>
internal sealed class TemporaryTree : IDisposable
{
    public TemporaryTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "iotminer-governor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
