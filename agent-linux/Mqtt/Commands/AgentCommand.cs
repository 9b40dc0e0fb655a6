

namespace IotMinerAgent.Linux.Mqtt.Commands;

/// <summary>What a valid command asks the agent to do.</summary>
public enum CommandKind
{
    /// <summary>Stop hashing until resumed.</summary>
    Pause,

    /// <summary>Hash again after a pause.</summary>
    Resume,

    /// <summary>Set the temperature the governor holds the device below (°C).</summary>
    SetTargetTemperature,

    /// <summary>Set the duty ceiling (percent).</summary>
    SetMaxDuty,

    /// <summary>Set the number of hashing threads.</summary>
    SetThreads,
}

/// <summary>A validated command: <see cref="Value"/> is within the range of <see cref="IotMinerAgent.Hashing.DeviceContract.CommandLimits"/> for its kind.</summary>
/// <param name="Name">The command name as received (<c>cmd/&lt;name&gt;</c>).</param>
/// <param name="Kind">What to do.</param>
/// <param name="Value">°C, percent or threads; null for pause and resume.</param>
/// <param name="RequestId">The sender's <c>request_id</c>, echoed in the event; null when none.</param>
public sealed record AgentCommand(string Name, CommandKind Kind, double? Value, string? RequestId)
{
    /// <summary>Applies the command through <paramref name="control"/> (MQTT and the REST API alike); the control may refuse by throwing.</summary>
    public void ApplyTo(IAgentControl control)
    {
        System.ArgumentNullException.ThrowIfNull(control);
        switch (Kind)
        {
            case CommandKind.Pause:
                control.Pause();
                break;
            case CommandKind.Resume:
                control.Resume();
                break;
            case CommandKind.SetTargetTemperature:
                control.SetTargetTemperature(Value!.Value);
                break;
            case CommandKind.SetMaxDuty:
                control.SetMaxDuty((int)Value!.Value);
                break;
            case CommandKind.SetThreads:
                control.SetThreads((int)Value!.Value);
                break;
            default:
                throw new System.InvalidOperationException($"command kind {Kind} has no handler");
        }
    }
}
