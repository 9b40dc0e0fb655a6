
namespace IotMinerAgent.Flash.Errors;

/// <summary>
/// Something on the way to the board failed: a nanoff step, the board check, finding nanoff or the serial port.
/// The message says what failed and how to go on.
/// </summary>
public sealed class StepFailedException : FlashToolException
{
    /// <summary>Creates the exception.</summary>
    public StepFailedException(string message)
        : base(message, ExitCodes.StepFailed)
    {
    }
}
