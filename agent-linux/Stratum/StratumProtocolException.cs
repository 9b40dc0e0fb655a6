using System;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>The pool refused or garbled a step of the handshake (subscribe, authorize).</summary>
public sealed class StratumProtocolException : Exception
{
    /// <summary>Creates the exception; the message names the step and the pool's answer.</summary>
    public StratumProtocolException(string message)
        : base(message)
    {
    }
}
