using System;
using System.Device.Adc;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>
    /// The ESP32 classic's internal sensor, which nanoFramework exposes as ADC channel 8 (nanoFramework's ESP32 ADC channel mapping, docs.nanoframework.net). The
    /// S2/S3/C3 read 0 there; the controller treats 0 as "no reading" and the policy's noSensor decides.
    /// </summary>
    public sealed class AdcTemperatureSensor : ITemperatureSensor
    {
        private const int InternalTemperatureChannel = 8;

        private AdcChannel? _channel;

        /// <inheritdoc />
        /// <remarks>The channel opens on first use; a chip that refuses it throws here, which the controller reads as "no sensor".</remarks>
        public int ReadRaw()
        {
            if (_channel == null)
            {
                _channel = new AdcController().OpenChannel(InternalTemperatureChannel);
            }

            return _channel.ReadValue();
        }
    }
}
