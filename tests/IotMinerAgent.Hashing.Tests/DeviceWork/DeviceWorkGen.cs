using System;
using CsCheck;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Hashing.Tests.DeviceWork;

/// <summary>Random valid device work messages.</summary>
internal static class DeviceWorkGen
{
    private static readonly Gen<Target> AnyTarget = Gen.UInt.Array[8].Select(words => new Target(words));

    /// <summary>A first nonce and a count from 1 up to exactly the end of the 32-bit nonce space.</summary>
    private static readonly Gen<(uint First, ulong Count)> AnyRange =
        Gen.UInt.SelectMany(first => Gen.ULong[1, NonceRange.Limit - first].Select(count => (first, count)));

    public static readonly Gen<DeviceJob> Sha256dJob =
        Gen.Select(Gen.UInt, Gen.UInt.Array[8], Gen.Byte.Array[DeviceJob.TailLength], AnyTarget, AnyRange, Gen.UInt, Gen.UInt,
            (id, midstate, tail, target, range, issued, lifetime) =>
                DeviceJob.ForSha256d(id, midstate, tail, target, range.First, range.Count, issued, lifetime));

    public static readonly Gen<DeviceJob> ScryptJob =
        Gen.Select(Gen.UInt, Gen.Byte.Array[DeviceJob.PrefixLength], AnyTarget, AnyRange, Gen.UInt, Gen.UInt,
            (id, prefix, target, range, issued, lifetime) =>
                DeviceJob.ForScrypt(id, prefix, target, range.First, range.Count, issued, lifetime));

    public static readonly Gen<DeviceJob> Job = Gen.OneOf(Sha256dJob, ScryptJob);

    public static readonly Gen<DeviceShare> Share = Gen.OneOf(
        Gen.Select(Gen.UInt, Gen.UInt, (id, nonce) => new DeviceShare(id, nonce)),
        Gen.Select(Gen.UInt, Gen.UInt, Gen.Byte, (id, nonce, zeros) => new DeviceShare(id, nonce, zeros)));

    public static readonly Gen<DeviceVerdict> Verdict =
        Gen.Select(Gen.UInt, Gen.UInt, Gen.Byte[0, 8], Gen.Char[' ', '~'].Array[0, DeviceVerdict.MaxReasonLength],
            (id, nonce, code, reason) => new DeviceVerdict(id, nonce, (DeviceVerdictCode)code, new string(reason)));

    /// <summary>Any valid message of any kind, encoded.</summary>
    public static readonly Gen<byte[]> AnyEncoded = Gen.OneOf(
        Job.Select(j => j.Encode()), Share.Select(s => s.Encode()), Verdict.Select(v => v.Encode()));
}
