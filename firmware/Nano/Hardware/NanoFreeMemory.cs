using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>Free managed heap after a collection (<c>nanoFramework.Runtime.Native.GC.Run(false)</c> returns it).</summary>
    public sealed class NanoFreeMemory : IFreeMemory
    {
        /// <inheritdoc />
        public long FreeBytes
        {
            get { return nanoFramework.Runtime.Native.GC.Run(false); }
        }
    }
}
