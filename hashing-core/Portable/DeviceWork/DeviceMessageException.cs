using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>
    /// A device work message (job, share or verdict, docs/mqtt.md "Device work (binary)") that cannot be decoded:
    /// the message names the field and the problem. Decoders throw nothing else for a non-null byte array.
    /// </summary>
    public class DeviceMessageException : Exception
    {
        /// <summary>Creates the exception with a message naming the field and the problem.</summary>
        public DeviceMessageException(string message)
            : base(message)
        {
        }
    }
}
