using System;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>The connection to the pool ended before the answer to a request arrived.</summary>
public sealed class StratumConnectionLostException : Exception
{
    /// <summary>Creates the exception with the reason the connection ended.</summary>
    public StratumConnectionLostException(string message)
        : base(message)
    {
    }
}
