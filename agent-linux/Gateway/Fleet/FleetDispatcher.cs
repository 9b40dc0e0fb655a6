using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// The gateway's work desk (issue 8), free of any transport: it cuts the newest upstream template into per-device jobs
/// (a unique work unit and nonce range each, sized to the device's hash rate, with a vardiff share target), judges
/// device shares by rebuilding and hashing their headers, records every verdict in the ledger before returning it,
/// and passes shares that meet upstream's target on to upstream.
/// </summary>
public sealed partial class FleetDispatcher : IFleetDispatcher
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromSeconds(1);

    private readonly IGatewayUpstream _upstream;
    private readonly IDeviceLedger _ledger;
    private readonly FleetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JobIdSequence _jobIds;
    private readonly Channel<DeviceAssignment> _assignments = Channel.CreateUnbounded<DeviceAssignment>();
    private readonly Channel<DeviceVerdictFor> _late = Channel.CreateUnbounded<DeviceVerdictFor>();

    // Guards every field below; never held across an await or a hash.
    private readonly object _gate = new();
    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, IssuedJob> _jobs = new();

    // Shares held for upstream by key (PendingShare.Key), and those upstream called unreachable, retried with its next template.
    private readonly Dictionary<ulong, PendingShare> _pending = new();
    private readonly List<PendingShare> _retry = new();
    private UpstreamTemplate? _template;
    private NonceRangeCarver? _carver;
    private long _generation;
    private DateTimeOffset _purgedAt;

    /// <summary>Creates the dispatcher; nothing runs until <see cref="RunAsync"/>.</summary>
    /// <exception cref="ArgumentException">When the options are invalid; the message lists every problem.</exception>
    public FleetDispatcher(IGatewayUpstream upstream, IDeviceLedger ledger, FleetOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid gateway settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(options));
        }

        _upstream = upstream;
        _ledger = ledger;
        _options = options;
        _time = time;
        _logger = logger;
        Instance = (byte)options.Instance;
        _jobIds = JobIdSequence.StartingAtRandom(Instance);
        Pace = new FleetPace(options, time, logger);
    }

    /// <summary>
    /// The share rate asked of the fleet (1 normally, less while the gateway is overloaded): feed it each verdict's lag
    /// (<see cref="FleetPace.Observe"/>); each device's difficulty follows it with the device's next share.
    /// </summary>
    public FleetPace Pace { get; }

    /// <inheritdoc />
    public byte Instance { get; }

    /// <inheritdoc />
    public ChannelReader<DeviceAssignment> Assignments => _assignments.Reader;

    /// <inheritdoc />
    public void RequestWork(string deviceId, WorkRequest request)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(request);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            PurgeLocked(now);
            if (!_devices.TryGetValue(deviceId, out DeviceState? device))
            {
                if (_devices.Count >= _options.MaxDevices)
                {
                    _logger.LogWarning("Work request from {Device} ignored: the gateway already serves gateway:maxDevices = {Max} devices", deviceId, _options.MaxDevices);
                    return;
                }

                device = new DeviceState(deviceId, request, new ShareRateLimiter(_options.MaxSharesPerSecond, _options.ShareBurst, now), now);
                _devices.Add(deviceId, device);
                Pace.ServeDevices(_devices.Count);
            }

            device.Request = request;
            device.LastSeen = now;
            device.Vardiff?.Report(request.HashRate);
            IssueLocked(device, now);
        }
    }

    /// <summary>The devices it serves now, by id: hash rate as each reported it, last seen, shares credited and refused.</summary>
    public IReadOnlyList<DeviceReport> Devices()
    {
        lock (_gate)
        {
            var reports = new List<DeviceReport>(_devices.Count);
            foreach (DeviceState device in _devices.Values)
            {
                reports.Add(new DeviceReport(device.DeviceId, device.Request.HashRate, device.LastSeen, device.Accepted, device.Rejected));
            }

            reports.Sort((a, b) => string.CompareOrdinal(a.DeviceId, b.DeviceId));
            return reports;
        }
    }

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Shares a previous run held for upstream died with its upstream session: they get their final verdict now.
        int abandoned = await _ledger.AbandonPendingAsync(Instance, cancellationToken).ConfigureAwait(false);
        if (abandoned > 0)
        {
            _logger.LogWarning("{Count} shares were still pending_upstream when this gateway last stopped; its upstream session is gone, so they are recorded as rejected-stale", abandoned);
        }

        await _upstream.RunAsync(OnTemplateAsync, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask OnTemplateAsync(UpstreamTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        DateTimeOffset now = _time.GetUtcNow();
        int issued = 0;
        lock (_gate)
        {
            PurgeLocked(now);

            // Who worked on the outgoing work is decided before the new generation makes all of it stale.
            var due = new List<DeviceState>();
            foreach (DeviceState device in _devices.Values)
            {
                if (device.WaitingForWork || (template.ReplacesAll && HasLiveJobLocked(device, now)))
                {
                    due.Add(device);
                }
            }

            if (template.ReplacesAll)
            {
                _generation++;
            }

            _template = template;
            _carver = new NonceRangeCarver(template.WorkUnitCount);
            foreach (DeviceState device in due)
            {
                if (IssueLocked(device, now))
                {
                    issued++;
                }
            }
        }

        _logger.LogInformation("Upstream template {Template} ({Algorithm}{Clean}): {Issued} device jobs issued",
            template.Id, template.Algorithm, template.ReplacesAll ? ", replaces all" : string.Empty, issued);
        RetryHeld(cancellationToken);
        return ValueTask.CompletedTask;
    }

    // Issues a job to the device from the current template, or leaves it waiting; true when a job went out.
    private bool IssueLocked(DeviceState device, DateTimeOffset now)
    {
        UpstreamTemplate? template = _template;
        if (template is null || !device.Hashes(template.Algorithm))
        {
            if (!device.WaitingForWork)
            {
                _logger.LogInformation("Device {Device} waits for work: {Why}", device.DeviceId,
                    template is null ? "upstream has no work yet" : $"upstream mines {template.Algorithm}, the device offers {string.Join(", ", device.Request.Algorithms)}");
            }

            device.WaitingForWork = true;
            return false;
        }

        device.Vardiff ??= new DeviceVardiff(_options, template.Algorithm, device.Request.HashRate, now);
        device.Vardiff.OnPace(Pace.Current, now);
        device.Vardiff.OnIdle(now);
        if (!_carver!.TryCarve(NonceCountFor(device), out WorkSlice slice))
        {
            _logger.LogWarning("Template {Template} is used up ({Units} work units); device {Device} waits for the next one", template.Id, template.WorkUnitCount, device.DeviceId);
            device.WaitingForWork = true;
            return false;
        }

        IssuedJob job = RecordJobLocked(device, template, slice, now);
        device.WaitingForWork = false;
        var work = new HeaderWork(template.Algorithm, job.Header, job.Target);
        DeviceJob deviceJob = DeviceJob.FromHeaderWork(job.JobId, work, slice.FirstNonce, slice.NonceCount, (uint)now.ToUnixTimeSeconds(), (uint)_options.JobLifetimeSeconds);
        _assignments.Writer.TryWrite(new DeviceAssignment(device.DeviceId, deviceJob));
        return true;
    }

    private IssuedJob RecordJobLocked(DeviceState device, UpstreamTemplate template, WorkSlice slice, DateTimeOffset now)
    {
        byte[] header = template.BuildHeader(slice.WorkUnit);
        if (header.Length != HeaderWork.HeaderLength)
        {
            throw new InvalidOperationException($"Upstream template {template.Id} built a {header.Length}-byte header for unit {slice.WorkUnit}; a header is 80 bytes.");
        }

        // Never harder than upstream's own target: a share upstream would credit must reach the gateway.
        Target target = DifficultyScale.ToTarget(device.Vardiff!.Difficulty, template.Algorithm);
        if (template.ShareTarget.CompareTo(target) > 0)
        {
            target = template.ShareTarget;
        }

        uint jobId = _jobIds.Next(_jobs.ContainsKey);
        var job = new IssuedJob(jobId, device.DeviceId, template, _generation, slice, header, target, DifficultyScale.OfTarget(target, template.Algorithm),
            now, now.AddSeconds(_options.JobLifetimeSeconds + _options.JobGraceSeconds));
        _jobs.Add(jobId, job);
        device.JobIds.Enqueue(jobId);
        while (device.JobIds.Count > _options.MaxJobsPerDevice)
        {
            _jobs.Remove(device.JobIds.Dequeue());
        }

        return job;
    }

    // About two lifetimes of hashing at the device's rate (reported, or implied by its vardiff), within the clamps.
    private ulong NonceCountFor(DeviceState device)
    {
        double rate = device.Request.HashRate > 0 && double.IsFinite(device.Request.HashRate) ? device.Request.HashRate : 0;
        double wanted = rate * 2 * _options.JobLifetimeSeconds;
        return (ulong)Math.Clamp(wanted, _options.MinNonceCount, NonceRangeCarver.NoncesPerUnit);
    }

    private bool HasLiveJobLocked(DeviceState device, DateTimeOffset now)
    {
        foreach (uint id in device.JobIds)
        {
            if (_jobs.TryGetValue(id, out IssuedJob? job) && !IsStaleLocked(job, now))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsStaleLocked(IssuedJob job, DateTimeOffset now) => job.Generation < _generation || now > job.ExpiresAt;

    // Forgets jobs one lifetime after they went stale (until then a share on them is "stale", after it "unknown"), and
    // devices that have been quiet for long, so memory stays bounded.
    private void PurgeLocked(DateTimeOffset now)
    {
        if (now - _purgedAt < PurgeEvery)
        {
            return;
        }

        _purgedAt = now;
        TimeSpan keep = TimeSpan.FromSeconds(_options.JobLifetimeSeconds);
        var quietDevices = new List<string>();
        foreach (DeviceState device in _devices.Values)
        {
            while (device.JobIds.TryPeek(out uint id) && (!_jobs.TryGetValue(id, out IssuedJob? job) || now > job.ExpiresAt + keep))
            {
                _jobs.Remove(device.JobIds.Dequeue());
            }

            if (device.JobIds.Count == 0 && now - device.LastSeen > keep * 10)
            {
                quietDevices.Add(device.DeviceId);
            }
        }

        foreach (string id in quietDevices)
        {
            _devices.Remove(id);
        }

        if (quietDevices.Count > 0)
        {
            Pace.ServeDevices(_devices.Count);
        }
    }
}
