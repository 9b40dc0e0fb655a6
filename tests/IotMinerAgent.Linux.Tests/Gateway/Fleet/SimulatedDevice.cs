using System;
using System.Collections.Generic;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>What a device does with a job, with the portable device reference (<see cref="DeviceJob.Meets"/>).</summary>
internal static class SimulatedDevice
{
    /// <summary>The first <paramref name="count"/> nonces of the job's range whose hash meets the job's target.</summary>
    public static List<uint> FindShares(DeviceJob job, int count)
    {
        List<uint> found = Transport.SimulatedDevice.FindNonces(job, count, budget: job.NonceCount);
        return found.Count == count ? found : throw new InvalidOperationException($"job {job.JobId:x8} holds only {found.Count} of {count} shares");
    }

    /// <summary>The first nonce of the range whose hash does not meet the target: a forged share.</summary>
    public static uint FindMiss(DeviceJob job)
    {
        for (ulong i = 0; i < job.NonceCount; i++)
        {
            uint nonce = (uint)(job.FirstNonce + i);
            if (!job.Meets(nonce))
            {
                return nonce;
            }
        }

        throw new InvalidOperationException("every nonce of the job meets its target");
    }
}
