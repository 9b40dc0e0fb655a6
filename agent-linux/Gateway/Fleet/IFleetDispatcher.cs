using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// The gateway's work desk, free of any transport: it cuts upstream templates into per-device jobs (unique work unit
/// and nonce range, share target from the device's vardiff), judges device shares by rebuilding and hashing their
/// header, records them in the ledger and sends valid ones upstream. The MQTT side only decodes, routes and publishes.
/// </summary>
public interface IFleetDispatcher
{
    /// <summary>This gateway's instance number (0..255), the top byte of every job id it issues.</summary>
    byte Instance { get; }

    /// <summary>Jobs to publish, each to its device: answers to work requests and fresh jobs when upstream moves on.</summary>
    ChannelReader<DeviceAssignment> Assignments { get; }

    /// <summary>
    /// Final verdicts decided after <see cref="JudgeAsync"/> returned <c>accepted-pending</c> (upstream was unreachable
    /// or slow), already in the ledger: publish each to its device.
    /// </summary>
    ChannelReader<DeviceVerdictFor> LateVerdicts { get; }

    /// <summary>A device asked for work; its job follows on <see cref="Assignments"/> as soon as upstream has work.</summary>
    void RequestWork(string deviceId, WorkRequest request);

    /// <summary>
    /// A share from <paramref name="deviceId"/> has arrived and waits for its turn to be judged. While the gateway is
    /// overloaded the device gets its harder job now (<see cref="FleetPace"/>): a backlog in front of the judging would
    /// otherwise hold back the very message that slows the device down.
    /// </summary>
    void ShareArrived(string deviceId);

    /// <summary>Judges a decoded share from <paramref name="deviceId"/> and returns the verdict to send back.</summary>
    Task<DeviceVerdict> JudgeAsync(string deviceId, DeviceShare share, CancellationToken cancellationToken);

    /// <summary>
    /// Answers a share that arrived while <paramref name="queueLength"/> of its device's shares were already waiting:
    /// recorded <c>rejected-rate-limited</c> (it counts in the device's rejects) and the device's difficulty raised so
    /// it sends fewer shares. Returns the verdict to send back, once recorded.
    /// </summary>
    Task<DeviceVerdict> RefuseOverflowAsync(string deviceId, DeviceShare share, int queueLength, CancellationToken cancellationToken);

    /// <summary>Runs the upstream connection and issues jobs from its templates until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
