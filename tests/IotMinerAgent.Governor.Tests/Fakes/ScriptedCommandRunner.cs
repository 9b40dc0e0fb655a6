using System.Collections.Generic;
using IotMinerAgent.Linux.Hardware;

namespace IotMinerAgent.Governor.Tests.Fakes;

/// <summary>Answers commands from a script ("file arg arg" → output); anything else is "not installed".</summary>
internal sealed class ScriptedCommandRunner : ICommandRunner
{
    private readonly Dictionary<string, string> _outputs = [];

    public List<string> Calls { get; } = [];

    public ScriptedCommandRunner On(string commandLine, string output)
    {
        _outputs[commandLine] = output;
        return this;
    }

    public bool TryRun(string fileName, IReadOnlyList<string> arguments, out string output)
    {
        string commandLine = string.Join(' ', [fileName, .. arguments]);
        Calls.Add(commandLine);
        if (_outputs.TryGetValue(commandLine, out string? scripted))
        {
            output = scripted;
            return true;
        }

        output = string.Empty;
        return false;
    }
}
