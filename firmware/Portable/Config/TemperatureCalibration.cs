using System;

namespace IotMinerAgent.Firmware.Config
{
    /// <summary>
    /// Turns the raw internal temperature reading into milli-°C: °C = raw × gain + offset. The ESP32 classic's sensor
    /// (ADC channel 8 in nanoFramework) reports roughly degrees Fahrenheit, hence the defaults gain 5/9 and offset
    /// −160/9 °C ((raw − 32) × 5/9); each chip differs by several degrees, so the owner calibrates both in
    /// <c>sensor.gain</c> and <c>sensor.offsetC</c> against a thermometer.
    /// </summary>
    public sealed class TemperatureCalibration
    {
        /// <summary>Default gain, micro-°C per raw count (5/9 °C).</summary>
        public const long DefaultGainMicro = 555556;

        /// <summary>Default offset, milli-°C (−32 × 5/9 °C).</summary>
        public const long DefaultOffsetMilliC = -17778;

        private readonly long _gainMicro;
        private readonly long _offsetMilliC;

        /// <summary>Creates a calibration.</summary>
        /// <param name="gainMicro">Micro-°C per raw count.</param>
        /// <param name="offsetMilliC">Milli-°C added after the gain.</param>
        public TemperatureCalibration(long gainMicro, long offsetMilliC)
        {
            _gainMicro = gainMicro;
            _offsetMilliC = offsetMilliC;
        }

        /// <summary>Micro-°C per raw count.</summary>
        public long GainMicro
        {
            get { return _gainMicro; }
        }

        /// <summary>Milli-°C added after the gain.</summary>
        public long OffsetMilliC
        {
            get { return _offsetMilliC; }
        }

        /// <summary>The temperature for a raw reading, milli-°C.</summary>
        public int ToMilliC(int raw)
        {
            return (int)((raw * _gainMicro / 1000) + _offsetMilliC);
        }
    }
}
