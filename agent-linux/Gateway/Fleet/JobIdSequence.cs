using System;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// Job ids of one gateway: the instance number in the top byte (docs/mqtt.md, "Several gateways") and a 24-bit
/// counter below it. The counter starts at a random value so a restarted gateway does not hand out the ids its
/// previous run used (and logged in the ledger) right away; it wraps after 2^24 jobs and skips ids still in use.
/// </summary>
public sealed class JobIdSequence
{
    private const uint CounterMask = 0x00FF_FFFF;

    private readonly uint _prefix;
    private uint _counter;

    /// <summary>A sequence for <paramref name="instance"/> starting at <paramref name="start"/> (masked to 24 bits).</summary>
    public JobIdSequence(byte instance, uint start)
    {
        _prefix = (uint)instance << 24;
        _counter = start & CounterMask;
    }

    /// <summary>A sequence for <paramref name="instance"/> starting at a random counter.</summary>
    public static JobIdSequence StartingAtRandom(byte instance) => new(instance, (uint)Random.Shared.Next());

    /// <summary>The next id for which <paramref name="inUse"/> is false.</summary>
    /// <exception cref="InvalidOperationException">When all 2^24 ids are in use.</exception>
    public uint Next(Func<uint, bool> inUse)
    {
        for (uint tried = 0; tried <= CounterMask; tried++)
        {
            uint id = _prefix | _counter;
            _counter = (_counter + 1) & CounterMask;
            if (!inUse(id))
            {
                return id;
            }
        }

        throw new InvalidOperationException("Every one of the 2^24 job ids of this gateway instance is in use.");
    }

    /// <summary>The instance byte of a job id.</summary>
    public static byte InstanceOf(uint jobId) => (byte)(jobId >> 24);
}
