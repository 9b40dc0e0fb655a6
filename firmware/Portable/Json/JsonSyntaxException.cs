using System;

namespace IotMinerAgent.Firmware.Json
{
    /// <summary>Text that is not JSON; the message gives the line and column and what was expected there.</summary>
    public sealed class JsonSyntaxException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public JsonSyntaxException(string message)
            : base(message)
        {
        }
    }
}
