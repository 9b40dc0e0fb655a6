using System;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>A failed call to the node's JSON-RPC interface; the message names the node, the call and the likely fix.</summary>
public sealed class NodeRpcException : Exception
{
    /// <summary>RPC_CLIENT_NOT_CONNECTED: the node has no peers (getblocktemplate refuses to mine alone).</summary>
    public const int NotConnected = -9;

    /// <summary>RPC_CLIENT_IN_INITIAL_DOWNLOAD: the node is still downloading the chain.</summary>
    public const int InInitialDownload = -10;

    /// <summary>RPC_IN_WARMUP: the node is starting (loading the block index, verifying blocks).</summary>
    public const int InWarmup = -28;

    /// <summary>Creates the exception.</summary>
    public NodeRpcException(NodeRpcFailure failure, int code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Code = code;
    }

    /// <summary>What kind of failure it was.</summary>
    public NodeRpcFailure Failure { get; }

    /// <summary>The JSON-RPC error code for <see cref="NodeRpcFailure.RpcError"/>, else 0.</summary>
    public int Code { get; }

    /// <summary>
    /// True when waiting may fix it: the node is unreachable, starting, syncing or without peers, or its work queue is
    /// full (HTTP 503).
    /// </summary>
    public bool IsTransient =>
        Failure == NodeRpcFailure.Unreachable
        || (Failure == NodeRpcFailure.RpcError && Code is NotConnected or InInitialDownload or InWarmup);
}
