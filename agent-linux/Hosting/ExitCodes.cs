

namespace IotMinerAgent.Linux.Hosting;

/// <summary>Process exit codes of <c>iotminer</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but could not do what was asked (e.g. no nonce found).</summary>
    public const int Failure = 1;

    /// <summary>Wrong or missing arguments (the convention of sysexits' EX_USAGE is 64; CLI parsers use 2).</summary>
    public const int Usage = 2;

    /// <summary>
    /// A service the command needs does not answer (sysexits.h EX_UNAVAILABLE): <c>iotminer status</c> found no agent
    /// API at the configured address (not running, or <c>api:enabled</c> is false).
    /// </summary>
    public const int Unavailable = 69;

    /// <summary>Refused for lack of permission (sysexits.h EX_NOPERM): the agent's API refused the access token.</summary>
    public const int NoPermission = 77;

    /// <summary>Bad configuration: sysexits.h EX_CONFIG. The systemd unit lists it in RestartPreventExitStatus.</summary>
    public const int Config = 78;
}
