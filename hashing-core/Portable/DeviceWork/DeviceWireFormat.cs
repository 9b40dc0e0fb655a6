using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>
    /// What every device work message shares: a 4-byte preamble (format version, message kind, two kind-specific
    /// bytes) and little-endian integers, the ESP32's (Xtensa/RISC-V) native order, so a device reads them with
    /// BitConverter or plain shifts. The preamble keeps every later 32-bit field 4-byte aligned.
    /// </summary>
    public static class DeviceWireFormat
    {
        /// <summary>The format version this code writes and reads (byte 0 of every message).</summary>
        public const byte Version = 1;

        /// <summary>Byte 1 of a job message (gateway to device).</summary>
        public const byte KindJob = 1;

        /// <summary>Byte 1 of a share message (device to gateway).</summary>
        public const byte KindShare = 2;

        /// <summary>Byte 1 of a verdict message (gateway to device).</summary>
        public const byte KindVerdict = 3;

        /// <summary>Length of the preamble every message starts with.</summary>
        public const int PreambleLength = 4;

        /// <summary>Reads a little-endian 32-bit integer.</summary>
        public static uint ReadUInt32(byte[] data, int offset)
        {
            return data[offset] | ((uint)data[offset + 1] << 8) | ((uint)data[offset + 2] << 16) | ((uint)data[offset + 3] << 24);
        }

        /// <summary>Writes a little-endian 32-bit integer.</summary>
        public static void WriteUInt32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a little-endian 64-bit integer.</summary>
        public static ulong ReadUInt64(byte[] data, int offset)
        {
            return ReadUInt32(data, offset) | ((ulong)ReadUInt32(data, offset + 4) << 32);
        }

        /// <summary>Writes a little-endian 64-bit integer.</summary>
        public static void WriteUInt64(byte[] data, int offset, ulong value)
        {
            WriteUInt32(data, offset, (uint)value);
            WriteUInt32(data, offset + 4, (uint)(value >> 32));
        }

        /// <summary>
        /// Checks the preamble of a message that should be of <paramref name="kind"/>: not null, at least the
        /// preamble long, the version this code reads, the expected kind.
        /// </summary>
        /// <exception cref="ArgumentNullException">When <paramref name="message"/> is null.</exception>
        /// <exception cref="DeviceMessageException">When the preamble is short, the version unknown or the kind wrong.</exception>
        public static void CheckPreamble(byte[] message, byte kind, string name)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }

            if (message.Length < PreambleLength)
            {
                throw new DeviceMessageException(
                    "Device " + name + " message: length " + message.Length + " is shorter than the 4-byte preamble (version, kind, 2 bytes).");
            }

            if (message[0] != Version)
            {
                throw new DeviceMessageException(
                    "Device " + name + " message: version (byte 0) is " + message[0] + ", but this code reads version " + Version + "; update the gateway or the device firmware.");
            }

            if (message[1] != kind)
            {
                throw new DeviceMessageException(
                    "Device " + name + " message: kind (byte 1) is " + message[1] + ", expected " + kind + " (1 job, 2 share, 3 verdict); was it published on the wrong topic?");
            }
        }

        /// <summary>Throws unless the message is exactly <paramref name="expected"/> bytes long.</summary>
        /// <exception cref="DeviceMessageException">When the length differs.</exception>
        public static void CheckLength(byte[] message, int expected, string name)
        {
            if (message.Length != expected)
            {
                throw new DeviceMessageException(
                    "Device " + name + " message: length is " + message.Length + " bytes, expected exactly " + expected + ".");
            }
        }
    }
}
