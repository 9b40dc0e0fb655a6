using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>Makes any text (a pool's error message included) a valid verdict reason: printable ASCII, at most 64 characters.</summary>
public static class VerdictReason
{
    /// <summary>
    /// <paramref name="text"/> escaped by the one rule for outside text (<see cref="UntrustedText.EscapeToAscii"/>:
    /// every character outside printable ASCII as a visible <c>\xHH</c> or <c>\uHHHH</c>), cut to
    /// <see cref="DeviceVerdict.MaxReasonLength"/> characters with a visible truncation mark.
    /// </summary>
    public static string Printable(string? text) => UntrustedText.EscapeToAscii(text, DeviceVerdict.MaxReasonLength);
}
