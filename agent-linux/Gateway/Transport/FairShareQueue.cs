using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>A device share waiting to be judged (or passed on to the gateway that issued its job).</summary>
/// <param name="DeviceId">The device, from the topic.</param>
/// <param name="Payload">The share message as received.</param>
/// <param name="Forwarded">True when another gateway passed it on (it is then judged here, never forwarded again).</param>
/// <param name="ReceivedAt">When it arrived (the link's <see cref="TimeProvider"/> timestamp), for <see cref="ShareTiming"/>.</param>
public sealed record InboundShare(string DeviceId, byte[] Payload, bool Forwarded, long ReceivedAt = 0);

/// <summary>
/// Per-device bounded queues served round-robin: each take serves the device at the head of the ready ring and moves
/// it to the back, so a device that floods the gateway waits behind every other device's next share instead of in
/// front of them, and its overflow is refused at once (<see cref="TryEnqueue"/> false) rather than piling up.
/// </summary>
public sealed class FairShareQueue
{
    readonly int _perDevice;
    readonly object _gate = new();
    readonly Dictionary<string, Queue<InboundShare>> _queues = new(StringComparer.Ordinal);
    readonly Queue<string> _ready = new();
    readonly SemaphoreSlim _available = new(0);

    /// <summary>Creates the queue; each device may have at most <paramref name="perDevice"/> shares waiting.</summary>
    public FairShareQueue(int perDevice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perDevice, 1);
        _perDevice = perDevice;
    }

    /// <summary>Shares waiting, over all devices.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                int count = 0;
                foreach (Queue<InboundShare> queue in _queues.Values)
                {
                    count += queue.Count;
                }

                return count;
            }
        }
    }

    /// <summary>Queues <paramref name="share"/>; false when its device already has the most shares waiting it may.</summary>
    public bool TryEnqueue(InboundShare share)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(share.DeviceId, out Queue<InboundShare>? queue))
            {
                queue = new Queue<InboundShare>();
                _queues.Add(share.DeviceId, queue);
                _ready.Enqueue(share.DeviceId);
            }
            else if (queue.Count >= _perDevice)
            {
                return false;
            }

            queue.Enqueue(share);
        }

        _available.Release();
        return true;
    }

    /// <summary>Waits for the next share, taking devices in turn.</summary>
    public async Task<InboundShare> TakeAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            // A device is in the ready ring exactly while its queue is not empty.
            string device = _ready.Dequeue();
            Queue<InboundShare> queue = _queues[device];
            InboundShare share = queue.Dequeue();
            if (queue.Count > 0)
            {
                _ready.Enqueue(device);
            }
            else
            {
                _queues.Remove(device);
            }

            return share;
        }
    }
}
