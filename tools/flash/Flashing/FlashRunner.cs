using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Nanoff;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>
/// Runs the steps from <c>--from-step</c> on, printing each command (shell-quoted) before it runs. A dry run prints
/// the same and runs nothing. The first failure stops the run with the step, nanoff's last output and where to resume.
/// </summary>
public sealed class FlashRunner
{
    private const int TailLines = 12;

    private readonly string _nanoffPath;
    private readonly NanoffRunner? _nanoff;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    /// <summary>Creates a runner; a null <paramref name="nanoff"/> makes it a dry run.</summary>
    /// <param name="nanoffPath">The nanoff printed in commands.</param>
    /// <param name="nanoff">Runs nanoff, or null for a dry run.</param>
    /// <param name="output">Progress and commands.</param>
    /// <param name="error">Warnings.</param>
    public FlashRunner(string nanoffPath, NanoffRunner? nanoff, TextWriter output, TextWriter error)
    {
        _nanoffPath = nanoffPath;
        _nanoff = nanoff;
        _out = output;
        _error = error;
    }

    /// <summary>Runs the steps numbered <paramref name="fromStep"/> and up.</summary>
    public void Run(IReadOnlyList<FlashStep> steps, int fromStep)
    {
        foreach (FlashStep step in steps)
        {
            string label = $"step {step.Number}/{steps.Count} ({step.Name})";
            if (step.Number < fromStep)
            {
                _out.WriteLine($"{label}: skipped (--from-step {fromStep})");
                continue;
            }

            _out.WriteLine($"{label}: {step.Title}");
            foreach (NanoffCommand command in step.Commands)
            {
                RunCommand(step, command);
            }

            if (step.Summary.Length > 0)
            {
                _out.WriteLine("  " + step.Summary);
            }
        }
    }

    private void RunCommand(FlashStep step, NanoffCommand command)
    {
        _out.WriteLine("  $ " + ShellQuoting.Join(command.Arguments.Prepend(_nanoffPath)));
        if (_nanoff is null)
        {
            return;
        }

        NanoffResult result = _nanoff.Run(command.Arguments);
        if (result.ExitCode != 0)
        {
            string tail = string.Join(Environment.NewLine, result.Tail(TailLines).Split(Environment.NewLine).Select(l => "    " + l));
            throw Failed(step, $"nanoff exited with code {result.ExitCode}; its last output:{Environment.NewLine}{tail}", step.Number);
        }

        CheckOutcome outcome = command.Check?.Invoke(result.Output) ?? CheckOutcome.Pass;
        if (outcome.Failed)
        {
            throw Failed(step, outcome.Message, outcome.ResumeStep ?? step.Number);
        }

        if (outcome.Message.Length > 0)
        {
            _error.WriteLine($"iotminer-flash: warning: {outcome.Message}");
        }
    }

    private static StepFailedException Failed(FlashStep step, string detail, int resumeStep) =>
        new($"step {step.Number} ({step.Name}) failed: {detail}{Environment.NewLine}Fix it and resume with --from-step {resumeStep}");
}
