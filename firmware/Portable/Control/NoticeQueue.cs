using System.Collections;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Events (command answers and notices) waiting for the broker: added from any thread, published in order on the
    /// controller's; at most a few wait, so a long outage cannot fill the heap with them.
    /// </summary>
    internal sealed class NoticeQueue
    {
        private const int MaxPendingNotices = 8;

        private readonly object _gate = new object();
        private readonly ArrayList _notices = new ArrayList();

        /// <summary>Queues an event's JSON; dropped when the queue is full.</summary>
        public void Add(string json)
        {
            lock (_gate)
            {
                if (_notices.Count < MaxPendingNotices)
                {
                    _notices.Add(new PendingNotice(json));
                }
            }
        }

        /// <summary>The number of events waiting.</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _notices.Count;
                }
            }
        }

        /// <summary>Publishes the waiting events oldest first; stops at the first failed publish and keeps the rest.</summary>
        public void PublishAll(IMqttLink mqtt, string topic)
        {
            while (true)
            {
                PendingNotice notice;
                lock (_gate)
                {
                    if (_notices.Count == 0)
                    {
                        return;
                    }

                    notice = (PendingNotice)_notices[0]!;
                }

                if (!mqtt.Publish(topic, Text.Utf8.GetBytes(notice.Json), false))
                {
                    return;
                }

                lock (_gate)
                {
                    _notices.RemoveAt(0);
                }
            }
        }
    }
}
