using System.Collections.Generic;
using System.CommandLine;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Machine;
using IotMinerAgent.Flash.Serial;

namespace IotMinerAgent.Flash.Cli;

/// <summary><c>iotminer-flash ports</c>: list the serial ports a board may be on.</summary>
public sealed class PortsCommand : Command
{
    /// <summary>Creates the verb.</summary>
    public PortsCommand(ToolContext context)
        : base("ports", "List serial ports a board may be on (/dev/ttyUSB*, /dev/ttyACM*, /dev/serial/by-id)")
    {
        SetAction(_ =>
        {
            IReadOnlyList<SerialPortCandidate> ports = new SerialPortDiscovery(context.Environment.DevRoot).List();
            if (ports.Count == 0)
            {
                context.Error.WriteLine("iotminer-flash: no serial port found: plug the board in (USB), check `dmesg`, or pass --port");
                return ExitCodes.StepFailed;
            }

            foreach (SerialPortCandidate port in ports)
            {
                context.Out.WriteLine(port.Description.Length == 0 ? port.Port : $"{port.Port}  {port.Description}");
            }

            return ExitCodes.Ok;
        });
    }
}
