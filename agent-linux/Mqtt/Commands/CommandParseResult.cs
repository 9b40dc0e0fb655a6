

namespace IotMinerAgent.Linux.Mqtt.Commands;

/// <summary>Either a valid <see cref="AgentCommand"/> or the error text answered on <c>event</c>.</summary>
public sealed record CommandParseResult
{
    CommandParseResult(AgentCommand? command, string? error, string? requestId)
    {
        Command = command;
        Error = error;
        RequestId = requestId;
    }

    /// <summary>The command, when valid.</summary>
    public AgentCommand? Command { get; }

    /// <summary>Why the command was refused, when invalid.</summary>
    public string? Error { get; }

    /// <summary>The sender's request id, when the payload carried one.</summary>
    public string? RequestId { get; }

    /// <summary>A valid command.</summary>
    public static CommandParseResult Success(AgentCommand command) => new(command, null, command.RequestId);

    /// <summary>A refused command.</summary>
    public static CommandParseResult Failure(string error, string? requestId) => new(null, error, requestId);
}
