namespace IotMinerAgent.Firmware.Duino
{
    /// <summary>
    /// Where the Duino loop reports what the pool said (implemented by the controller, which counts and publishes; the
    /// mining thread never touches MQTT).
    /// </summary>
    public interface IDuinoReports
    {
        /// <summary>The pool judged a result: <paramref name="accepted"/> for GOOD and BLOCK.</summary>
        void Judged(bool accepted);

        /// <summary>A found result never reached a verdict (the connection dropped before the answer).</summary>
        void Lost();

        /// <summary>Something the owner should read (tier moves, wrong results, bans, protocol problems); pool text inside is untrusted.</summary>
        void Notice(string type, string message);
    }
}
