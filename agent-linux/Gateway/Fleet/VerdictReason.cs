using System.Text;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>Makes any text (a pool's error message included) a valid verdict reason: printable ASCII, at most 64 characters.</summary>
public static class VerdictReason
{
    /// <summary>
    /// <paramref name="text"/> with every character outside 0x20..0x7E replaced by '?', cut to
    /// <see cref="DeviceVerdict.MaxReasonLength"/> characters.
    /// </summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var reason = new StringBuilder(System.Math.Min(text.Length, DeviceVerdict.MaxReasonLength));
        foreach (char c in text)
        {
            if (reason.Length == DeviceVerdict.MaxReasonLength)
            {
                break;
            }

            reason.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return reason.ToString();
    }
}
