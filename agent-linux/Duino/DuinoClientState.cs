using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.Duino;
using IotMinerAgent.Linux.Duino.Session;

namespace IotMinerAgent.Linux.Duino;

/// <summary>What the client shows in status: the node, the tier in force, results the pool found incorrect, and why it stopped.</summary>
public sealed class DuinoClientState(DuinoTier startTier)
{
    private long _incorrectResults;
    private string? _pool;
    private string? _stopReason;

    /// <summary>The tier the workers ask for.</summary>
    public DuinoTierState Tiers { get; } = new(startTier);

    /// <summary>The node in use (<c>host:port</c>), or null before the first connection.</summary>
    public string? Pool { get => Volatile.Read(ref _pool); internal set => Volatile.Write(ref _pool, value); }

    /// <summary>Results the pool answered "Incorrect result".</summary>
    public long IncorrectResults => Interlocked.Read(ref _incorrectResults);

    /// <summary>The pool's reason for refusing all work (User banned, Too many workers), or null while mining.</summary>
    public string? StopReason => Volatile.Read(ref _stopReason);

    internal void CountIncorrectResult() => Interlocked.Increment(ref _incorrectResults);

    /// <summary>Records the stop reason; true for the first caller only.</summary>
    internal bool Stop(string reason) => Interlocked.CompareExchange(ref _stopReason, reason, null) is null;
}
