using System;

namespace IotMinerAgent.Linux.Mining;

/// <summary>A share a worker found and the scalar reference confirmed.</summary>
/// <param name="Id">A unique id that follows the share everywhere (work source, MQTT outbox, logs).</param>
/// <param name="Job">The job it belongs to.</param>
/// <param name="Extranonce2Hex">The extranonce2 as submitted.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="HashHex">The hash in display order.</param>
/// <param name="Difficulty">The share's own difficulty (pool convention of its algorithm).</param>
/// <param name="FoundAt">When it was found.</param>
public sealed record FoundShare(string Id, MiningJob Job, string Extranonce2Hex, uint Nonce, string HashHex, double Difficulty, DateTimeOffset FoundAt)
{
    /// <summary>The nonce as submitted: 8 hex digits, zero-padded, big-endian text of the 32-bit value.</summary>
    public string NonceHex => Nonce.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}
