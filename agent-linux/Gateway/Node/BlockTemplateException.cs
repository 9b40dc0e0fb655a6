using System;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>A getblocktemplate answer this gateway cannot build a valid block from; the message says what and why.</summary>
public sealed class BlockTemplateException : Exception
{
    /// <summary>Creates the exception with its full message.</summary>
    public BlockTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its full message and the parse error behind it.</summary>
    public BlockTemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
