namespace IotMinerAgent.Firmware.Commands
{
    /// <summary>A parsed <c>cmd/&lt;name&gt;</c>: what to do, or why it was refused, and what to echo in the event.</summary>
    public sealed class DeviceCommand
    {
        /// <summary>Creates a parsed command.</summary>
        public DeviceCommand(string name, CommandKind kind, long value, string? error, string? requestId)
        {
            Name = name;
            Kind = kind;
            Value = value;
            Error = error;
            RequestId = requestId;
        }

        /// <summary>The <c>&lt;name&gt;</c> of the topic.</summary>
        public string Name { get; private set; }

        /// <summary>What to do (<see cref="CommandKind.Refused"/> with an <see cref="Error"/>).</summary>
        public CommandKind Kind { get; private set; }

        /// <summary>The value: milli-°C for a temperature, percent, threads; 0 for pause/resume.</summary>
        public long Value { get; private set; }

        /// <summary>Why it was refused, naming what is allowed; null when valid.</summary>
        public string? Error { get; private set; }

        /// <summary>The request id to echo, or null.</summary>
        public string? RequestId { get; private set; }
    }
}
