using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>
/// The MqttShareProbe as a real process (the stand-in for <c>iotminer run</c>): enqueues a range of shares in its
/// ShareOutbox and publishes them; the test can SIGKILL it. Records the shares it reported secured (acknowledged by
/// the broker or written to disk: a SIGKILL can no longer lose them).
/// </summary>
public sealed class ShareProbeProcess : IDisposable
{
    readonly Process _process;
    readonly List<(int N, string Id, string By)> _secured = [];
    readonly StringBuilder _log = new();

    ShareProbeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Shares the probe reported secured, in order, with what secured them ("broker" or "disk").</summary>
    public IReadOnlyList<(int N, string Id, string By)> Secured
    {
        get
        {
            lock (_secured)
            {
                return [.. _secured];
            }
        }
    }

    /// <summary>True once the probe printed "done" (every share of its range enqueued).</summary>
    public bool Done { get; private set; }

    /// <summary>
    /// Starts the probe on shares [<paramref name="from"/>, <paramref name="to"/>); <paramref name="writeDelayMs"/>
    /// sets the outbox's write delay (null: its default).
    /// </summary>
    public static ShareProbeProcess Start(int brokerPort, string stateDirectory, string deviceId, int from, int to, int intervalMs, int? writeDelayMs = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "IotMinerAgent.MqttShareProbe.dll");
        string host = Environment.ProcessPath is string path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            dll, $"probe:state={stateDirectory}", $"probe:from={from}", $"probe:to={to}", $"probe:intervalMs={intervalMs}",
            "mqtt:host=127.0.0.1", $"mqtt:port={brokerPort}", $"mqtt:deviceId={deviceId}", "mqtt:homeAssistant=false",
            "mqtt:reconnectMinSeconds=0.1", "mqtt:reconnectMaxSeconds=0.4", "mqtt:keepAliveSeconds=5",
            writeDelayMs is int delay ? $"probe:writeDelayMs={delay}" : "probe:writeDelayMs=default",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return new ShareProbeProcess(Process.Start(start) ?? throw new InvalidOperationException("the share probe did not start"));
    }

    /// <summary>Waits until at least <paramref name="count"/> shares were secured.</summary>
    public async Task WaitSecuredAsync(int count, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Secured.Count < count)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the probe secured {Secured.Count} of {count} shares (exited: {_process.HasExited}); its output:\n{_log}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the probe enqueued its whole range.</summary>
    public async Task WaitDoneAsync(double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!Done)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the probe did not finish its range; its output:\n{_log}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>SIGKILL: no clean shutdown, no flush, exactly like a power cut for the process.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Closes stdin (the probe stops cleanly) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        Log(line);
        string[] parts = line.Split(' ');
        if (parts[0] == "secured")
        {
            lock (_secured)
            {
                _secured.Add((int.Parse(parts[1]), parts[2], parts[3]));
            }
        }
        else if (parts[0] == "done")
        {
            Done = true;
        }
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
