namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>Why a node RPC call failed, which decides whether to retry.</summary>
public enum NodeRpcFailure
{
    /// <summary>No answer: connection refused or reset, timeout, name not found, cookie file not there yet. Retry.</summary>
    Unreachable,

    /// <summary>The node refused the credentials (HTTP 401/403) or the cookie file is unreadable. Fix the settings.</summary>
    Unauthorized,

    /// <summary>The node answered with a JSON-RPC error (<see cref="NodeRpcException.Code"/>).</summary>
    RpcError,

    /// <summary>The answer was not JSON-RPC: rpcUrl points at something that is not a node.</summary>
    BadResponse,
}
