using System;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>The embedded broker could not start; the message names the port and the fix.</summary>
public sealed class EmbeddedBrokerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddedBrokerException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
