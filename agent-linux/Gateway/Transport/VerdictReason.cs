using System.Text;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>Turns any text into a verdict reason: printable ASCII, at most <see cref="DeviceVerdict.MaxReasonLength"/> characters.</summary>
public static class VerdictReason
{
    /// <summary>Replaces what is not printable ASCII with '?' and cuts at 64 characters.</summary>
    public static string Fit(string text)
    {
        var reason = new StringBuilder(DeviceVerdict.MaxReasonLength);
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
