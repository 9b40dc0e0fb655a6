using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary><c>iotminer</c> as a real process, so a test sees exactly what reaches the console (stdout and stderr).</summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _console = new();

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved, one line per line.</summary>
    public string Console
    {
        get
        {
            lock (_console)
            {
                return _console.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>iotminer</c> with <paramref name="arguments"/> (e.g. run --config … --consent=true).</summary>
    public static AgentProcess Start(IEnumerable<string> arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "iotminer.dll");
        string host = Environment.ProcessPath is string path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException("iotminer did not start"));
    }

    /// <summary>Sends SIGTERM (a graceful stop, as systemd does) and waits for the exit code.</summary>
    public async Task<int> StopAsync(double seconds = 30)
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_console)
        {
            _console.Append(line).Append('\n');
        }
    }
}
