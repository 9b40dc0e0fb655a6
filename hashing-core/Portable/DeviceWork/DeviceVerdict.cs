using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>
    /// The gateway's answer to one device share (docs/mqtt.md, "Device work (binary)", verdict): 12 bytes plus an
    /// optional printable-ASCII reason of at most <see cref="MaxReasonLength"/> bytes, length-prefixed. ASCII, not
    /// UTF-8, so a device decodes it byte by byte and a display shows it as is.
    /// </summary>
    public sealed class DeviceVerdict
    {
        /// <summary>Length of a verdict without a reason.</summary>
        public const int FixedLength = 12;

        /// <summary>The longest reason, in characters (bytes).</summary>
        public const int MaxReasonLength = 64;

        private const string Name = "verdict";

        private readonly uint _jobId;
        private readonly uint _nonce;
        private readonly DeviceVerdictCode _code;
        private readonly string _reason;

        /// <summary>Creates a verdict; <paramref name="reason"/> may be empty.</summary>
        /// <exception cref="ArgumentException">When the code is unknown or the reason too long or not printable ASCII.</exception>
        public DeviceVerdict(uint jobId, uint nonce, DeviceVerdictCode code, string reason)
        {
            if (!IsKnown((byte)code))
            {
                throw new ArgumentException("Unknown verdict code " + (byte)code + "; use a DeviceVerdictCode value (0..8).", "code");
            }

            if (reason == null)
            {
                throw new ArgumentNullException("reason");
            }

            if (reason.Length > MaxReasonLength)
            {
                throw new ArgumentException("A verdict's reason is at most 64 characters, not " + reason.Length + ".", "reason");
            }

            for (int i = 0; i < reason.Length; i++)
            {
                if (!IsPrintableAscii(reason[i]))
                {
                    throw new ArgumentException("A verdict's reason is printable ASCII (0x20..0x7E); character " + i + " is not.", "reason");
                }
            }

            _jobId = jobId;
            _nonce = nonce;
            _code = code;
            _reason = reason;
        }

        /// <summary>The share's job id.</summary>
        public uint JobId
        {
            get { return _jobId; }
        }

        /// <summary>The share's nonce.</summary>
        public uint Nonce
        {
            get { return _nonce; }
        }

        /// <summary>The verdict.</summary>
        public DeviceVerdictCode Code
        {
            get { return _code; }
        }

        /// <summary>A short reason for people, or empty.</summary>
        public string Reason
        {
            get { return _reason; }
        }

        /// <summary>True for <see cref="DeviceVerdictCode.Accepted"/> and <see cref="DeviceVerdictCode.BlockFound"/>.</summary>
        public bool IsAccepted
        {
            get { return _code == DeviceVerdictCode.Accepted || _code == DeviceVerdictCode.BlockFound; }
        }

        /// <summary>True for <see cref="DeviceVerdictCode.AcceptedPending"/>: not final, the final verdict follows.</summary>
        public bool IsPending
        {
            get { return _code == DeviceVerdictCode.AcceptedPending; }
        }

        /// <summary>The verdict as 12 + reason-length bytes.</summary>
        public byte[] Encode()
        {
            byte[] message = new byte[FixedLength + _reason.Length];
            message[0] = DeviceWireFormat.Version;
            message[1] = DeviceWireFormat.KindVerdict;
            message[2] = (byte)_code;
            message[3] = (byte)_reason.Length;
            DeviceWireFormat.WriteUInt32(message, 4, _jobId);
            DeviceWireFormat.WriteUInt32(message, 8, _nonce);
            for (int i = 0; i < _reason.Length; i++)
            {
                message[FixedLength + i] = (byte)_reason[i];
            }

            return message;
        }

        /// <summary>Decodes a verdict message.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="message"/> is null.</exception>
        /// <exception cref="DeviceMessageException">When any field is wrong; the message names it.</exception>
        public static DeviceVerdict Decode(byte[] message)
        {
            DeviceWireFormat.CheckPreamble(message, DeviceWireFormat.KindVerdict, Name);
            if (!IsKnown(message[2]))
            {
                throw new DeviceMessageException("Device verdict message: verdict code (byte 2) is " + message[2] + ", expected 0..8.");
            }

            int reasonLength = message[3];
            if (reasonLength > MaxReasonLength)
            {
                throw new DeviceMessageException(
                    "Device verdict message: reason length (byte 3) is " + reasonLength + ", at most " + MaxReasonLength + ".");
            }

            // The length is checked against the message before anything is allocated from it.
            DeviceWireFormat.CheckLength(message, FixedLength + reasonLength, Name);
            char[] reason = new char[reasonLength];
            for (int i = 0; i < reasonLength; i++)
            {
                char c = (char)message[FixedLength + i];
                if (!IsPrintableAscii(c))
                {
                    throw new DeviceMessageException(
                        "Device verdict message: reason byte " + (FixedLength + i) + " is " + message[FixedLength + i] + ", not printable ASCII (0x20..0x7E).");
                }

                reason[i] = c;
            }

            uint jobId = DeviceWireFormat.ReadUInt32(message, 4);
            uint nonce = DeviceWireFormat.ReadUInt32(message, 8);
            return new DeviceVerdict(jobId, nonce, (DeviceVerdictCode)message[2], new string(reason));
        }

        private static bool IsKnown(byte code)
        {
            return code <= (byte)DeviceVerdictCode.AcceptedPending;
        }

        private static bool IsPrintableAscii(char c)
        {
            return c >= ' ' && c <= '~';
        }
    }
}
