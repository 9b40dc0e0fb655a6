using System;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Tests.Peers;

/// <summary>
/// A native engine on an image without firmware/Native: its internal call is missing, so every call throws (the C# side
/// of firmware/Native/managed declared but not implemented by the nanoCLR).
/// </summary>
sealed class MissingNativeEngine(string name) : ISliceHashEngine
{
    public int Calls { get; private set; }

    public string Name => name;

    public void ScanSha256d(DeviceJob job, uint firstNonce, int count, NonceHits hits)
    {
        Calls++;
        throw new NotImplementedException("internal call IotMinerAgent.Native.NativeScanner::ScanSha256d is not in this image");
    }

    public void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits hits) =>
        throw new NotImplementedException("internal call IotMinerAgent.Native.NativeScanner::ScanDucoS1 is not in this image");
}

/// <summary>A native engine that runs but answers wrong: it reports every nonce as a hit (a byte-order bug, say).</summary>
sealed class EveryNonceEngine(string name) : ISliceHashEngine
{
    public string Name => name;

    public void ScanSha256d(DeviceJob job, uint firstNonce, int count, NonceHits hits) => EveryNonce(firstNonce, count, hits);

    public void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits hits) => EveryNonce(firstNonce, count, hits);

    static void EveryNonce(uint firstNonce, int count, NonceHits hits)
    {
        for (int i = 0; i < count; i++)
        {
            hits.Add(unchecked(firstNonce + (uint)i));
        }
    }
}

/// <summary>
/// A healthy engine under a native engine's name: the managed engine's answers, so the choice and the status can be
/// checked without a nanoCLR (the real native kernels are tested by tests/scripts/native-kernels.sh).
/// </summary>
sealed class RenamedManagedEngine(string name) : ISliceHashEngine
{
    readonly ManagedSliceEngine _managed = new();

    public string Name => name;

    public void ScanSha256d(DeviceJob job, uint firstNonce, int count, NonceHits hits) => _managed.ScanSha256d(job, firstNonce, count, hits);

    public void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits hits) => _managed.ScanDucoS1(work, firstNonce, count, hits);
}
