using System;
using System.Collections.Generic;
using System.Linq;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>Invalid <c>mqtt:*</c> settings; the message has one line per problem, each naming key, value and what is allowed.</summary>
public sealed class MqttOptionsException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    public MqttOptionsException(IReadOnlyList<string> problems)
        : base("invalid MQTT settings:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>One line per invalid setting.</summary>
    public IReadOnlyList<string> Problems { get; }
}
