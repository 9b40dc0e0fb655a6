namespace IotMinerAgent.Firmware.Json
{
    /// <summary>The kind of a JSON value (RFC 8259 §3).</summary>
    public enum JsonKind
    {
        /// <summary>An object: names and values.</summary>
        Object = 0,

        /// <summary>An array of values.</summary>
        Array = 1,

        /// <summary>A string.</summary>
        String = 2,

        /// <summary>A number, kept as its text so no precision is lost to floating point.</summary>
        Number = 3,

        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean = 4,

        /// <summary><c>null</c>.</summary>
        Null = 5,
    }
}
