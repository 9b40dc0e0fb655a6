using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// A device's request for work (docs/mqtt.md, <c>work_request</c>): which algorithms it can hash and how fast, so the
/// gateway sizes its nonce range and share difficulty.
/// </summary>
/// <param name="Algorithms">Algorithms the device hashes (sha256d, scrypt).</param>
/// <param name="HashRate">The device's own estimate in hashes per second; 0 when it has not measured yet.</param>
public sealed record WorkRequest(IReadOnlyList<string> Algorithms, double HashRate);
