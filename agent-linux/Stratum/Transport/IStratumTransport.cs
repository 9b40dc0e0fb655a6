using System;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>
/// A line channel to a pool: newline-delimited lines in both directions (Stratum V1 is JSON-RPC, one message per
/// line). The socket one is <see cref="StratumLineTransport"/>; tests run the client over one in memory.
/// </summary>
public interface IStratumTransport : IAsyncDisposable
{
    /// <summary>The pool this transport is connected to.</summary>
    StratumEndpoint Endpoint { get; }

    /// <summary>The next line from the pool, or null when the pool closed the connection.</summary>
    ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken);

    /// <summary>Sends one line (without its newline); concurrent writers are serialized.</summary>
    Task WriteLineAsync(string line, CancellationToken cancellationToken);
}
