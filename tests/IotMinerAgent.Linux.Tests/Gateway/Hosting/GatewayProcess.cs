using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>The real <c>iotminer gateway</c> as a process of its own (the test SIGKILLs it); its output is kept for failures.</summary>
internal sealed class GatewayProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _log = new();
    bool _disposed;

    GatewayProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <c>iotminer gateway</c> with <paramref name="settings"/> as command-line overrides.</summary>
    public static GatewayProcess Start(string stateDirectory, IReadOnlyDictionary<string, string> settings)
    {
        Directory.CreateDirectory(stateDirectory);
        string config = Path.Combine(stateDirectory, "iotminer.json");
        File.WriteAllText(config, "{ // everything comes from the overrides\n}");
        ProcessStartInfo start = AgentExecutable.StartInfo("gateway", "--config", config, $"--stateDirectory={stateDirectory}");

        foreach ((string key, string value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        return new GatewayProcess(Process.Start(start) ?? throw new InvalidOperationException("iotminer gateway did not start"));
    }

    /// <summary>True once it exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no flush, no offline message, no dispose.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
