using System;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>A payout address that cannot receive the block reward on the node's network; the message names the address, the problem and the fix.</summary>
public sealed class PayoutAddressException : FormatException
{
    /// <summary>Creates the exception with its full message.</summary>
    public PayoutAddressException(string message)
        : base(message)
    {
    }
}
