using System;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Api;

/// <summary>What the mining agent hands the API: its status, shares, history and controls (composed by the agent host).</summary>
/// <param name="Status">The status snapshot, the one MQTT publishes.</param>
/// <param name="DeviceId">The device id (as on MQTT).</param>
/// <param name="Shares">The last shares and their verdicts.</param>
/// <param name="History">One-minute samples of the last 24 h.</param>
/// <param name="Control">The owner's controls (pause, resume, limits) — the same object MQTT commands act on.</param>
/// <param name="Describe">The pools, consent and estimates of this run, given the current status.</param>
/// <param name="Energy">The energy ledger's days.</param>
/// <param name="Currency">The ISO 4217 code of the ledger's costs and earnings (energy:currency); null while not set.</param>
/// <param name="EnergySources">Where the ledger's figures come from on this run.</param>
public sealed record AgentApi(IAgentStatusSource Status, string DeviceId, RecentShares Shares, StatusHistory History, IAgentControl Control,
    Func<AgentStatus, AgentResponse> Describe, IEnergyLedgerSource Energy, string? Currency, EnergySources EnergySources);
