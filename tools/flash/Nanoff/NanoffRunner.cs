using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace IotMinerAgent.Flash.Nanoff;

/// <summary>
/// Runs nanoff with an argument list (no shell), echoing its output as it comes (flashing takes minutes, the user
/// wants to see progress) and capturing it for the checks and the failure message.
/// </summary>
public sealed class NanoffRunner
{
    private readonly string _nanoffPath;
    private readonly string _pathVariable;
    private readonly TextWriter _echo;

    /// <summary>Creates a runner for the nanoff at <paramref name="nanoffPath"/>.</summary>
    /// <param name="nanoffPath">The executable.</param>
    /// <param name="pathVariable">PATH for nanoff (the dotnet tool shim finds <c>dotnet</c> through it).</param>
    /// <param name="echo">Where nanoff's output is echoed.</param>
    public NanoffRunner(string nanoffPath, string pathVariable, TextWriter echo)
    {
        _nanoffPath = nanoffPath;
        _pathVariable = pathVariable;
        _echo = echo;
    }

    /// <summary>The executable this runner starts.</summary>
    public string NanoffPath => _nanoffPath;

    /// <summary>Runs nanoff to completion.</summary>
    public NanoffResult Run(IReadOnlyList<string> arguments)
    {
        ProcessStartInfo start = new(_nanoffPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = _pathVariable;

        StringBuilder output = new();
        object gate = new();
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gate)
            {
                output.Append(e.Data).Append('\n');
                _echo.WriteLine("    " + e.Data);
            }
        }

        using Process process = new() { StartInfo = start };
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (gate)
        {
            return new NanoffResult(process.ExitCode, output.ToString());
        }
    }
}
