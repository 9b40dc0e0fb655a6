using System;
using CsCheck;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Hashing.Tests.DeviceWork;

/// <summary>
/// Decoders face whatever arrives on a topic: random and mutated bytes must end in a decoded message or a
/// DeviceMessageException, nothing else, and no length field may make a decoder allocate beyond the message.
/// </summary>
public class DeviceDecodeFuzzTests
{
    private const int Inputs = 100_000;

    /// <summary>Allowance per decode for the decoded objects themselves (target, midstate, strings): a constant plus a multiple of the message.</summary>
    private static long AllocationBound(byte[] message) => 1024 + (8L * message.Length);

    /// <summary>A valid message with one to four bytes overwritten, truncated or extended: near misses reach the deep checks.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(DeviceWorkGen.AnyEncoded, Gen.Int[0, 3], Gen.Int[1, 4], Gen.Int, Gen.Byte, (bytes, how, n, position, value) =>
        {
            int at = (int)((uint)position % (uint)Math.Max(bytes.Length, 1));
            switch (how)
            {
                case 0:
                    for (int i = 0; i < n; i++)
                    {
                        bytes[(at + (i * 7)) % bytes.Length] ^= (byte)(value | 1);
                    }

                    return bytes;
                case 1:
                    return bytes[..Math.Max(0, bytes.Length - n)];
                case 2:
                    return [.. bytes, .. new byte[n]];
                default:
                    bytes[at] = value;
                    return bytes;
            }
        });

    private static readonly Gen<byte[]> Random =
        Gen.Select(Gen.Byte[1, 3], Gen.Byte.Array[0, 160], (kind, bytes) =>
            bytes.Length >= 2 ? [DeviceWireFormat.Version, kind, .. bytes[2..]] : bytes);

    private static void DecodeAll(byte[] message)
    {
        Decode(message, DeviceJob.Decode);
        Decode(message, DeviceShare.Decode);
        Decode(message, DeviceVerdict.Decode);
    }

    private static void Decode(byte[] message, Func<byte[], object> decode)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            decode(message);
        }
        catch (DeviceMessageException)
        {
            return;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= AllocationBound(message), $"decoding {message.Length} bytes allocated {allocated} bytes");
    }

    [Fact]
    public void Random_and_mutated_bytes_decode_or_throw_only_DeviceMessageException()
    {
        Gen.OneOf(Mutated, Random).Sample(DecodeAll, iter: Inputs, threads: 1);
    }

    [Fact]
    public void A_verdict_claiming_a_longer_reason_than_it_carries_fails_on_length_before_allocating_it()
    {
        byte[] claimsMore = [DeviceWireFormat.Version, DeviceWireFormat.KindVerdict, 0, DeviceVerdict.MaxReasonLength, 1, 0, 0, 0, 2, 0, 0, 0];

        Assert.Contains("expected exactly 76", Assert.Throws<DeviceMessageException>(() => DeviceVerdict.Decode(claimsMore)).Message);
    }
}
