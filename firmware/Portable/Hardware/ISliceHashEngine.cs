using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// Hashes the nonces of a slice of a sha256d device job or a Duino-Coin DUCO-S1 job: the managed portable code (Mining's <c>ManagedSliceEngine</c>)
    /// or, on an image built with firmware/Native, the native kernels the board offers (<see cref="DeviceHardware"/>).
    /// Mining's <c>SliceEngineChoice</c> picks one at start.
    /// </summary>
    public interface ISliceHashEngine
    {
        /// <summary>The name the status reports as <c>engine</c> (docs/mqtt.md): <c>scalar</c>, <c>native-soft</c>, <c>native-esp32-sha</c>.</summary>
        string Name { get; }

        /// <summary>
        /// Appends to <paramref name="hits"/>, ascending, every nonce of [<paramref name="firstNonce"/>, +<paramref name="count"/>)
        /// whose sha256d meets the job's target.
        /// </summary>
        void ScanSha256d(DeviceJob job, uint firstNonce, int count, NonceHits hits);

        /// <summary>
        /// Appends to <paramref name="hits"/>, ascending, every nonce n of [<paramref name="firstNonce"/>, +<paramref name="count"/>)
        /// with sha1(last hash + decimal n) equal to the job's expected digest (Duino mode).
        /// </summary>
        void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits hits);
    }
}
