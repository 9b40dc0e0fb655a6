using System;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>One judged device share, as the ledger records it.</summary>
/// <param name="DeviceId">The device (the MQTT topic's id).</param>
/// <param name="JobId">The job id the share named.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="Verdict">The verdict sent to the device.</param>
/// <param name="Difficulty">The pool difficulty of the job's share target (0 when the job was unknown).</param>
/// <param name="JudgedAt">When the gateway judged it.</param>
public sealed record LedgerShare(string DeviceId, uint JobId, uint Nonce, DeviceVerdictCode Verdict, double Difficulty, DateTimeOffset JudgedAt)
{
    /// <summary>True for verdicts that credit the device: accepted and block-found.</summary>
    public bool Counts => Verdict is DeviceVerdictCode.Accepted or DeviceVerdictCode.BlockFound;

    /// <summary>
    /// True for <see cref="DeviceVerdictCode.AcceptedPending"/>: the share is in state pending_upstream, held for
    /// upstream; it adds nothing to the device's totals until its final verdict replaces it.
    /// </summary>
    public bool IsPendingUpstream => Verdict == DeviceVerdictCode.AcceptedPending;

    /// <summary>
    /// True for the final verdict of a share that was pending_upstream: it replaces the pending row whatever it says.
    /// Any other record leaves a pending row alone (a resend of the share is not its verdict).
    /// </summary>
    public bool ResolvesPending { get; init; }
}
