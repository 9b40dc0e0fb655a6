using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Api;

/// <summary>Body of <c>GET /api/v1</c>: what this process serves, so a client (the dashboard) asks only for what exists.</summary>
/// <param name="Agent">True when it mines (status, shares, history, controls).</param>
/// <param name="Gateway">True when it runs a fleet gateway (devices).</param>
/// <param name="ReadOnly">True when pause, resume and limits are refused (<c>api:readOnly</c>).</param>
public sealed record ApiRoles(bool Agent, bool Gateway, bool ReadOnly);

/// <summary>Body of <c>GET /api/v1/shares</c>: the newest shares first.</summary>
/// <param name="Shares">The shares.</param>
public sealed record SharesResponse(IReadOnlyList<ShareEntry> Shares);

/// <summary>One share with its verdict.</summary>
/// <param name="Id">The share's id (as in the MQTT <c>share</c> message and the logs).</param>
/// <param name="FoundAt">When it was found (UTC).</param>
/// <param name="Difficulty">Its own difficulty.</param>
/// <param name="JobId">The pool's job id.</param>
/// <param name="Nonce">The nonce, 8 hex digits.</param>
/// <param name="Result">The verdict (the MQTT <c>result</c> words: accepted, rejected, stale, …); null while pending.</param>
/// <param name="Reason">The reject reason; null when none.</param>
public sealed record ShareEntry(
    string Id,
    DateTimeOffset FoundAt,
    double Difficulty,
    string JobId,
    string Nonce,
    [property: JsonConverter(typeof(ShareVerdictJsonConverter))] ShareVerdict? Result,
    string? Reason);

/// <summary>Body of <c>GET /api/v1/history</c>.</summary>
/// <param name="IntervalS">Seconds per sample (60).</param>
/// <param name="Samples">One-minute averages, oldest first, for at most the last 24 h.</param>
public sealed record HistoryResponse(int IntervalS, IReadOnlyList<HistorySample> Samples);

/// <summary>Body of <c>GET /api/v1/agent</c>: what the dashboard shows beside the status.</summary>
/// <param name="DeviceId">The device id (as on MQTT).</param>
/// <param name="ReadOnly">True when pause, resume and limits are refused (<c>api:readOnly</c>).</param>
/// <param name="Pools">The configured pools in failover order; empty for the demo.</param>
/// <param name="Consent">How the owner agreed to this run.</param>
/// <param name="Power">The power estimate shown before consent.</param>
/// <param name="Earnings">The earnings estimate; null while it is not known.</param>
public sealed record AgentResponse(string DeviceId, bool ReadOnly, IReadOnlyList<PoolEntry> Pools, string Consent, string Power, EarningsEntry? Earnings);

/// <summary>A configured pool.</summary>
/// <param name="Url">Its URL (no credentials).</param>
/// <param name="User">The Stratum user: where the payout goes.</param>
/// <param name="Role">"primary" or "backup N".</param>
/// <param name="Active">True when the agent mines on it now.</param>
public sealed record PoolEntry(string Url, string User, string Role, bool Active);

/// <summary>An earnings estimate.</summary>
/// <param name="PerDay">Estimated earnings per day at full duty, in <paramref name="Unit"/>; null when not known.</param>
/// <param name="Unit">The coin or currency.</param>
/// <param name="Source">Where the figures come from, or which input is missing when <paramref name="PerDay"/> is null.</param>
public sealed record EarningsEntry(double? PerDay, string Unit, string Source);

/// <summary>Body of <c>PUT /api/v1/limits</c>: any of the three; names and rules as the MQTT commands of the same names.</summary>
/// <param name="TargetTemperature">°C the governor holds the device below (as <c>cmd/target_temperature</c>).</param>
/// <param name="MaxDuty">Duty ceiling, whole percent (as <c>cmd/max_duty</c>).</param>
/// <param name="Threads">Hashing threads (as <c>cmd/threads</c>).</param>
public sealed record LimitsRequest(double? TargetTemperature, int? MaxDuty, int? Threads);

/// <summary>An error answer (400, 403, 409).</summary>
/// <param name="Errors">What is wrong and how to fix it, one sentence each.</param>
public sealed record ErrorResponse(IReadOnlyList<string> Errors);

/// <summary>Body of <c>GET /api/v1/devices</c> (gateway).</summary>
/// <param name="Gateway">True when this process runs a fleet gateway.</param>
/// <param name="Devices">Its devices, by id.</param>
public sealed record DevicesResponse(bool Gateway, IReadOnlyList<DeviceEntry> Devices);

/// <summary>One device of the gateway.</summary>
/// <param name="DeviceId">Its id.</param>
/// <param name="HashrateHs">Its hash rate as it reported it, H/s.</param>
/// <param name="LastSeen">Its latest work request or share (UTC).</param>
/// <param name="Accepted">Shares credited.</param>
/// <param name="Rejected">Shares refused.</param>
public sealed record DeviceEntry(string DeviceId, double HashrateHs, DateTimeOffset LastSeen, long Accepted, long Rejected);

/// <summary>The energy ledger: one row per local day, newest first, today's and the last 7 days' sums (docs/energy.md, "The ledger"), and where a gateway runs, its fleet's ledger (docs/gateway.md).</summary>
/// <param name="Currency">The ISO 4217 code of costs and earnings (energy:currency); null while not set.</param>
/// <param name="Today">Today's sums of this agent's own ledger; null where nothing mines (<c>iotminer gateway</c>).</param>
/// <param name="Last7Days">The sums of today and the 6 days before it; null where nothing mines.</param>
/// <param name="Sources">Where each figure comes from on this run, or which key supplies it; null where nothing mines.</param>
/// <param name="Days">This agent's own days, newest first; today's row includes what is not written to disk yet. Empty where nothing mines.</param>
/// <param name="Fleet">The gateway's fleet ledger; null when this process runs no gateway.</param>
public sealed record EnergyResponse(string? Currency, EnergyPeriodEntry? Today, [property: JsonPropertyName("last_7_days")] EnergyPeriodEntry? Last7Days,
    EnergySourcesEntry? Sources, IReadOnlyList<EnergyDayEntry> Days, FleetEnergyResponse? Fleet);

/// <summary>The ledger's days summed over a period; a figure unknown on every day of it is null, never 0.</summary>
/// <param name="From">First local date of the period, yyyy-MM-dd.</param>
/// <param name="To">Last local date of the period (today), yyyy-MM-dd.</param>
/// <param name="DaysWithData">Days of the period with a ledger row (the agent ran).</param>
/// <param name="Kwh">Energy mining used, kWh.</param>
/// <param name="SharesAccepted">Shares the pool accepted.</param>
/// <param name="ExpectedCoins">Coins the hashes done are expected to earn.</param>
/// <param name="EnergyCost">The energy's cost, in <see cref="EnergyResponse.Currency"/>.</param>
/// <param name="Earned">The expected coins at the coin price of the time.</param>
/// <param name="Net">Earned − energy cost.</param>
public sealed record EnergyPeriodEntry(string From, string To, int DaysWithData, double Kwh, long SharesAccepted, double? ExpectedCoins, double? EnergyCost, double? Earned, double? Net);

/// <summary>Where the ledger's figures come from on this run (or which key supplies one that is unknown).</summary>
/// <param name="Kwh">Of the energy.</param>
/// <param name="EnergyCost">Of the energy's cost.</param>
/// <param name="ExpectedCoins">Of the expected coins.</param>
/// <param name="Earned">Of the coins' value.</param>
public sealed record EnergySourcesEntry(string Kwh, string EnergyCost, string ExpectedCoins, string Earned);

/// <summary>The fleet gateway's energy ledger (docs/gateway.md, "Fleet energy ledger"), in the agent ledger's shape.</summary>
/// <param name="Currency">The ISO 4217 code of costs and earnings (the gateway's energy:currency); null while not set.</param>
/// <param name="Coin">What the coins are: the upstream's algorithm; empty before the gateway runs.</param>
/// <param name="Total">The whole fleet per local day, newest first: every figure summed over the devices.</param>
/// <param name="Devices">Each device's days, by device id.</param>
public sealed record FleetEnergyResponse(string? Currency, string Coin, IReadOnlyList<EnergyDayEntry> Total, IReadOnlyList<DeviceEnergyEntry> Devices);

/// <summary>One device's days in the fleet ledger.</summary>
/// <param name="DeviceId">The device id (escaped: it is outside text).</param>
/// <param name="Days">Its days, newest first.</param>
public sealed record DeviceEnergyEntry(string DeviceId, IReadOnlyList<EnergyDayEntry> Days);

/// <summary>One day of the energy ledger; a figure unknown all day is null, never 0.</summary>
/// <param name="Day">The local date, yyyy-MM-dd.</param>
/// <param name="Kwh">Energy mining used, kWh.</param>
/// <param name="SharesAccepted">Shares the pool accepted.</param>
/// <param name="ExpectedCoins">Coins the hashes done are expected to earn.</param>
/// <param name="EnergyCost">The energy's cost, in <see cref="EnergyResponse.Currency"/>.</param>
/// <param name="Earned">The expected coins at the coin price of the time.</param>
/// <param name="Net">Earned − energy cost.</param>
public sealed record EnergyDayEntry(string Day, double Kwh, long SharesAccepted, double? ExpectedCoins, double? EnergyCost, double? Earned, double? Net);

/// <summary>
/// Source-generated JSON for the API's own bodies (no reflection: trimming-safe), snake_case like the MQTT contract;
/// the status is the MQTT status message itself (<see cref="MqttJsonContext"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ApiRoles))]
[JsonSerializable(typeof(SharesResponse))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(AgentResponse))]
[JsonSerializable(typeof(LimitsRequest))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(DevicesResponse))]
[JsonSerializable(typeof(EnergyResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
}
