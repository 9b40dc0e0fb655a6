namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>The managed heap's free space (nanoFramework: <c>nanoFramework.Runtime.Native.GC.Run(false)</c>).</summary>
    public interface IFreeMemory
    {
        /// <summary>Free bytes on the managed heap now.</summary>
        long FreeBytes { get; }
    }
}
