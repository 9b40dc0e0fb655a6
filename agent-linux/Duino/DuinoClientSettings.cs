using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Linux.Duino;

/// <summary>The client's resolved settings: the validated section plus what the agent decides (threads, tier, names).</summary>
/// <param name="Options">The validated <c>duino</c> section.</param>
/// <param name="Connections">Worker connections, one per hashing thread.</param>
/// <param name="StartTier">The tier asked for first (configured, or chosen from the measured hash rate).</param>
/// <param name="RigId">The rig name the pool shows.</param>
/// <param name="MinerName">Miner name and version, e.g. <c>iotminer 1.2.0</c>.</param>
/// <param name="WalletId">A random id for this run, as the official miners send.</param>
public sealed record DuinoClientSettings(DuinoClientOptions Options, int Connections, DuinoTier StartTier, string RigId, string MinerName, uint WalletId)
{
    /// <summary>How long a node may take to answer before the connection counts as lost.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First reconnect delay; doubles per failure up to <see cref="ReconnectMax"/> (the official miners back off 1 → 32 s).</summary>
    public TimeSpan ReconnectInitial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>Wait after a job request was refused or answered with a malformed job (the official PC miner waits 3 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(3);
}
