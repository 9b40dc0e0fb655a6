using System;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// A share a worker found and the scalar reference confirmed, as bytes and numbers: text is made only at the edges
/// (the Stratum submit, the MQTT share message, log lines).
/// </summary>
/// <param name="Id">A unique id that follows the share everywhere (work source, MQTT outbox, logs).</param>
/// <param name="Job">The job it belongs to; the share goes back through it (<see cref="MiningJob.SubmitAsync"/>).</param>
/// <param name="Extranonce2">The extranonce2 bytes, in the order they are submitted and put into the coinbase.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="Hash">The proof-of-work hash as computed (raw order; block explorers print it reversed).</param>
/// <param name="Difficulty">The share's own difficulty (pool convention of its algorithm).</param>
/// <param name="FoundAt">When it was found.</param>
public sealed record FoundShare(string Id, MiningJob Job, byte[] Extranonce2, uint Nonce, byte[] Hash, double Difficulty, DateTimeOffset FoundAt);
