namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Where <see cref="EnergySettings.Parse"/> reads the <c>energy</c> keys: the Linux agent's configuration, the
    /// ESP32's <c>energy</c> section of <c>I:\iotminer.json</c>. One reader for both keeps names, defaults and
    /// messages identical.
    /// </summary>
    public interface IEnergyKeyValues
    {
        /// <summary>The text of <paramref name="key"/> (e.g. <c>energy:mode</c>; a number as written), or null when absent.</summary>
        string? Value(string key);
    }
}
