namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// The chip's internal temperature sensor as a raw reading (ESP32 classic: ADC channel 8). The firmware applies the
    /// calibration from the configuration; a reading of 0 means "no sensor" (the S2/S3/C3 return 0 on that channel).
    /// </summary>
    public interface ITemperatureSensor
    {
        /// <summary>The raw reading, 0 when the chip has no sensor. May throw when the channel cannot be opened.</summary>
        int ReadRaw();
    }
}
