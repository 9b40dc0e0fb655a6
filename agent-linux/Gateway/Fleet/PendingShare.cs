using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// A valid share upstream has not answered yet (ledger state pending_upstream, device told <c>accepted-pending</c>):
/// everything needed to submit it again and to record and send its final verdict.
/// </summary>
internal sealed class PendingShare(string deviceId, DeviceShare share, IssuedJob job, byte[] header, bool block)
{
    /// <summary>The device that found it.</summary>
    public string DeviceId { get; } = deviceId;

    /// <summary>The share as the device sent it.</summary>
    public DeviceShare Share { get; } = share;

    /// <summary>Its job, kept even after the dispatcher forgets the job.</summary>
    public IssuedJob Job { get; } = job;

    /// <summary>The full header with the nonce.</summary>
    public byte[] Header { get; } = header;

    /// <summary>True when its hash meets the network target.</summary>
    public bool Block { get; } = block;

    /// <summary>The key it is known by while pending: job id (which names its device's job) and nonce.</summary>
    public ulong Key => KeyOf(Share.JobId, Share.Nonce);

    /// <summary>The pending key of a job id and nonce.</summary>
    public static ulong KeyOf(uint jobId, uint nonce) => ((ulong)jobId << 32) | nonce;
}
