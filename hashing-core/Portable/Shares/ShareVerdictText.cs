using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The text of each <see cref="ShareVerdict"/>, as published in an MQTT share's <c>result</c> (docs/mqtt.md):
    /// lowercase, words joined by '-'. Written out, not <c>Enum.ToString</c>, which nanoFramework does not name.
    /// </summary>
    public static class ShareVerdictText
    {
        /// <summary>The text of <paramref name="verdict"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">For a value that is not a <see cref="ShareVerdict"/> member.</exception>
        public static string Of(ShareVerdict verdict)
        {
            switch (verdict)
            {
                case ShareVerdict.Accepted: return "accepted";
                case ShareVerdict.BlockAccepted: return "block-accepted";
                case ShareVerdict.Rejected: return "rejected";
                case ShareVerdict.Stale: return "stale";
                case ShareVerdict.BelowTarget: return "below-target";
                case ShareVerdict.Dropped: return "dropped";
                case ShareVerdict.Unreachable: return "unreachable";
                default: throw new ArgumentOutOfRangeException("verdict", "Not a share verdict: " + (int)verdict + ".");
            }
        }

        /// <summary>The verdict whose text is <paramref name="text"/> (exact, lowercase); false for any other text.</summary>
        public static bool TryParse(string text, out ShareVerdict verdict)
        {
            for (int value = (int)ShareVerdict.Accepted; value <= (int)ShareVerdict.Unreachable; value++)
            {
                if (Of((ShareVerdict)value) == text)
                {
                    verdict = (ShareVerdict)value;
                    return true;
                }
            }

            verdict = ShareVerdict.Accepted;
            return false;
        }
    }
}
