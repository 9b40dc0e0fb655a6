using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Tests.Service;

/// <summary>Records every command instead of running it; answers from a table (default: success, no output).</summary>
internal sealed class RecordingRunner : ICommandRunner
{
    private readonly Dictionary<string, CommandResult> _answers = new();

    public List<string> Commands { get; } = new();

    /// <summary>Makes <paramref name="commandLine"/> (program and arguments joined by spaces) answer <paramref name="result"/>.</summary>
    public RecordingRunner Answer(string commandLine, CommandResult result)
    {
        _answers[commandLine] = result;
        return this;
    }

    /// <summary>A system where the iotminer user does not exist yet: getent exits 2 ("key not found").</summary>
    public static RecordingRunner WithoutUser() => new RecordingRunner().Answer("getent passwd iotminer", new CommandResult(2, string.Empty, string.Empty));

    public CommandResult Run(string program, params string[] arguments)
    {
        string line = program + (arguments.Length == 0 ? string.Empty : " " + string.Join(' ', arguments));
        Commands.Add(line);
        return _answers.TryGetValue(line, out CommandResult? answer) ? answer : new CommandResult(0, string.Empty, string.Empty);
    }

    public bool Ran(string prefix) => Commands.Exists(c => c.StartsWith(prefix, StringComparison.Ordinal));
}
