using System.Collections.Generic;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>
/// A simulated device's place in its newest job, kept as the firmware keeps it: the next nonce of the range that meets
/// the job's target. It asks for new work when the range is used up or a verdict says its job is unknown or stale (the
/// gateway that issued it restarted, or upstream moved on). Used by the load benchmark's devices and
/// <see cref="HashRateMiner"/>.
/// </summary>
/// <param name="device">The device.</param>
/// <param name="hashRate">The hash rate its work requests report (H/s).</param>
public sealed class JobCursor(SimulatedDevice device, double hashRate)
{
    uint _next;
    DeviceJob? _job;
    uint? _askedAfterRefusalOf;

    /// <summary>
    /// The next share of the newest job (waiting up to 30 s for a job when it has none); null when it asked for new
    /// work instead, as a device does, and has nothing to send this time.
    /// </summary>
    public async Task<DeviceShare?> NextShareAsync()
    {
        IReadOnlyList<DeviceJob> jobs = device.Jobs;
        DeviceJob? newest = jobs.Count > 0 ? jobs[^1] : null;
        if (newest is null)
        {
            await device.RequestWorkAsync("sha256d", hashRate);
            await device.WaitForJobAsync(seconds: 30);
            newest = device.Jobs[^1];
        }

        if (!ReferenceEquals(newest, _job))
        {
            _job = newest;
            _next = newest.FirstNonce;
        }

        if (_askedAfterRefusalOf != _job.JobId && IsRefused(_job.JobId))
        {
            _askedAfterRefusalOf = _job.JobId;
            await device.RequestWorkAsync("sha256d", hashRate);
            return null;
        }

        List<uint> found = SimulatedDevice.FindNonces(_job, 1, _next, budget: 1_000_000);
        if (found.Count == 0)
        {
            // Range scanned: ask for more, as a device does, and send nothing this time.
            await device.RequestWorkAsync("sha256d", hashRate);
            _next = uint.MaxValue;
            return null;
        }

        _next = found[0] + 1;
        return new DeviceShare(_job.JobId, found[0]);
    }

    bool IsRefused(uint jobId)
    {
        IReadOnlyList<ReceivedVerdict> verdicts = device.Verdicts;
        for (int i = verdicts.Count - 1; i >= 0 && i >= verdicts.Count - 3; i--)
        {
            if (verdicts[i].Verdict.JobId == jobId && verdicts[i].Verdict.Code is DeviceVerdictCode.RejectedUnknownJob or DeviceVerdictCode.RejectedStale)
            {
                return true;
            }
        }

        return false;
    }
}
