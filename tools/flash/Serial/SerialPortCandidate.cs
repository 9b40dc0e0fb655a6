namespace IotMinerAgent.Flash.Serial;

/// <summary>A serial port a board may be on.</summary>
/// <param name="Port">The device node passed to nanoff, e.g. <c>/dev/ttyUSB0</c>.</param>
/// <param name="Description">The stable udev name under /dev/serial/by-id (USB vendor, product, serial), or empty.</param>
public sealed record SerialPortCandidate(string Port, string Description);
