namespace IotMinerAgent.Flash.Errors;

/// <summary>Process exit codes of iotminer-flash.</summary>
public static class ExitCodes
{
    /// <summary>Every requested step succeeded.</summary>
    public const int Ok = 0;

    /// <summary>A step failed (nanoff failed, wrong board, nanoff or the serial port missing); the message says where to resume.</summary>
    public const int StepFailed = 1;

    /// <summary>The command line is wrong: unknown option or target, bad address, unusable .pe file.</summary>
    public const int Usage = 2;

    /// <summary>The device configuration is invalid; sysexits.h <c>EX_CONFIG</c> (78), "something was found in an unconfigured or misconfigured state".</summary>
    public const int BadConfig = 78;
}
