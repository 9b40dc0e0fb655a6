using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>On the board the interpreter is the pace: nothing to add after a slice.</summary>
    public sealed class InterpreterPace : ICpuPace
    {
        /// <inheritdoc />
        public void Hashed(int nonces)
        {
        }
    }
}
