using System;

namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// The pool's answer to a submitted result: <c>GOOD</c>, <c>BLOCK</c> or <c>BAD,&lt;reason&gt;</c> (the pools also
    /// refuse a <c>JOB</c> request with a <c>BAD,&lt;reason&gt;</c> line instead of a job).
    /// </summary>
    public sealed class DuinoFeedback
    {
        private readonly DuinoFeedbackKind _kind;
        private readonly string _reason;

        private DuinoFeedback(DuinoFeedbackKind kind, string reason)
        {
            _kind = kind;
            _reason = reason;
        }

        /// <summary>GOOD, BLOCK or BAD.</summary>
        public DuinoFeedbackKind Kind
        {
            get { return _kind; }
        }

        /// <summary>The text after <c>BAD,</c> (pool text: log it as untrusted); empty for GOOD and BLOCK.</summary>
        public string Reason
        {
            get { return _reason; }
        }

        /// <summary>True for GOOD and BLOCK.</summary>
        public bool IsAccepted
        {
            get { return _kind != DuinoFeedbackKind.Bad; }
        }

        /// <summary>
        /// The share verdict: GOOD and BLOCK are <see cref="ShareVerdict.Accepted"/> (a pool share that also found a
        /// block stays Accepted, as <see cref="ShareVerdict.BlockAccepted"/> documents), BAD is
        /// <see cref="ShareVerdict.Rejected"/>.
        /// </summary>
        public ShareVerdict Verdict
        {
            get { return IsAccepted ? ShareVerdict.Accepted : ShareVerdict.Rejected; }
        }

        /// <summary>True when the line is a feedback line (starts with GOOD, BLOCK or BAD as a whole first field).</summary>
        public static bool IsFeedback(string line)
        {
            if (line == null)
            {
                return false;
            }

            string word = FirstField(line);
            return word == "GOOD" || word == "BLOCK" || word == "BAD";
        }

        /// <summary>Parses a feedback line (without its newline).</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="line"/> is null.</exception>
        /// <exception cref="DuinoProtocolException">When the first field is not GOOD, BLOCK or BAD.</exception>
        public static DuinoFeedback Parse(string line)
        {
            if (line == null)
            {
                throw new ArgumentNullException("line");
            }

            string word = FirstField(line);
            int comma = line.IndexOf(',');
            string rest = comma < 0 ? string.Empty : line.Substring(comma + 1).Trim();
            if (word == "GOOD")
            {
                return new DuinoFeedback(DuinoFeedbackKind.Good, string.Empty);
            }

            if (word == "BLOCK")
            {
                return new DuinoFeedback(DuinoFeedbackKind.Block, string.Empty);
            }

            if (word == "BAD")
            {
                return new DuinoFeedback(DuinoFeedbackKind.Bad, rest);
            }

            throw new DuinoProtocolException("Duino feedback must start with GOOD, BLOCK or BAD; got a line of " + line.Length + " characters starting otherwise.");
        }

        private static string FirstField(string line)
        {
            int comma = line.IndexOf(',');
            return (comma < 0 ? line : line.Substring(0, comma)).Trim();
        }
    }
}
