using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// <c>iotminer run</c> as a real process (<see cref="AgentExecutable"/>: the iotminer.dll built beside the tests, or the published build),
/// with every line it prints recorded; the test can SIGKILL it, exactly like a power cut for the process.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    readonly Process _process;
    readonly List<string> _lines = [];

    AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Everything printed so far, for assertion messages.</summary>
    public string Output => string.Join("\n", Lines);

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code (only after <see cref="HasExited"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>iotminer</c> with <paramref name="arguments"/> (the verb first), in <paramref name="workingDirectory"/>.</summary>
    public static AgentProcess Start(string workingDirectory, params string[] arguments)
    {
        ProcessStartInfo start = AgentExecutable.StartInfo(arguments);
        start.WorkingDirectory = workingDirectory;

        // Not a systemd service here: one plain line per log event, whatever the environment of the test run says.
        start.Environment.Remove("INVOCATION_ID");
        start.Environment.Remove("NOTIFY_SOCKET");
        return new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException("iotminer did not start"));
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the lines printed; fails naming <paramref name="what"/> and showing the output.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, string what, double seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(Lines))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                if (condition(Lines))
                {
                    return;
                }

                throw new TimeoutException($"iotminer exited with {_process.ExitCode} before: {what}. Its output:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"iotminer did not reach within {seconds} s: {what}. Its output:\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Lines containing <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesWith(string text) => [.. Lines.Where(l => l.Contains(text, StringComparison.Ordinal))];

    /// <summary>SIGKILL: no clean shutdown, no flush.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for a command that ends by itself (with all its output read); returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(double seconds)
    {
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM (a graceful stop, as systemd and Ctrl-C do); returns the exit code.</summary>
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

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    void Record(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
