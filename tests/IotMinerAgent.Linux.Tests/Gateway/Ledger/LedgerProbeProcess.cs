using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Gateway.Ledger;

/// <summary>The LedgerProbe as a real process: it records shares and prints each committed one; the test SIGKILLs it.</summary>
public sealed class LedgerProbeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<uint> _committed = [];
    private readonly StringBuilder _log = new();

    private LedgerProbeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Shares the probe printed as committed.</summary>
    public IReadOnlyList<uint> Committed
    {
        get
        {
            lock (_committed)
            {
                return [.. _committed];
            }
        }
    }

    public static LedgerProbeProcess Start(string database, string device, int concurrency)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "IotMinerAgent.LedgerProbe.dll");
        string host = Environment.ProcessPath is string path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { dll, database, device, concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new LedgerProbeProcess(Process.Start(start) ?? throw new InvalidOperationException("the ledger probe did not start"));
    }

    public async Task WaitCommittedAsync(int count, double seconds = 30)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Committed.Count < count)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the probe committed {Committed.Count} of {count} shares (exited: {_process.HasExited}); its output:\n{_log}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>SIGKILL, mid-stream: no flush, no dispose.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("committed ", StringComparison.Ordinal))
        {
            lock (_committed)
            {
                _committed.Add(uint.Parse(line.AsSpan(10), provider: System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else
        {
            Log(line);
        }
    }

    private void Log(string? line)
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
