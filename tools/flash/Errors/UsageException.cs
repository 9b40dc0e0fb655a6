
namespace IotMinerAgent.Flash.Errors;

/// <summary>The command line asks for something impossible: an unknown target, a bad address, an unusable .pe file.</summary>
public sealed class UsageException : FlashToolException
{
    /// <summary>Creates the exception.</summary>
    public UsageException(string message)
        : base(message, ExitCodes.Usage)
    {
    }
}
