using System;

namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>
    /// A line from a Duino-Coin pool that does not follow the protocol (a job with the wrong field count, a hash that is
    /// not 40 hex digits, a difficulty out of range, an unknown feedback word): the message names the field and the
    /// problem. The Duino decoders throw nothing else for a non-null line.
    /// </summary>
    public class DuinoProtocolException : Exception
    {
        /// <summary>Creates the exception with a message naming the field and the problem.</summary>
        public DuinoProtocolException(string message)
            : base(message)
        {
        }
    }
}
