namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// Told after every slice of hashes. On the board it does nothing (the interpreter is the pace); the virtual
    /// ESP32 uses it to hash at interpreter speed and to heat its thermal model, so tests see device-like rates.
    /// </summary>
    public interface ICpuPace
    {
        /// <summary><paramref name="nonces"/> were just hashed.</summary>
        void Hashed(int nonces);
    }
}
