using System.Collections.Generic;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Governor.Tests.Fakes;

/// <summary>Answers commands from a script ("file arg arg" → output); anything else is "not installed" (exit 127).</summary>
internal sealed class ScriptedCommandRunner : ICommandRunner
{
    private readonly Dictionary<string, string> _outputs = [];

    public List<string> Calls { get; } = [];

    public ScriptedCommandRunner On(string commandLine, string output)
    {
        _outputs[commandLine] = output;
        return this;
    }

    public CommandResult Run(string program, params string[] arguments)
    {
        string commandLine = string.Join(' ', [program, .. arguments]);
        Calls.Add(commandLine);
        return _outputs.TryGetValue(commandLine, out string? scripted)
            ? new CommandResult(0, scripted, string.Empty)
            : new CommandResult(ProcessCommandRunner.NotFound, string.Empty, program + ": not installed");
    }
}
