using System;
using System.IO;

namespace IotMinerAgent.Linux.Tests.Service;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("iotminer-service-").FullName;

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Join(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
