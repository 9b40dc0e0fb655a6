using System.Collections;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// Messages taken from the MQTT client's receive thread, handled later on the controller's: bounded, oldest first;
    /// a message beyond the bound is dropped (the gateway resends work and verdicts, the owner a command).
    /// </summary>
    internal sealed class MessageInbox
    {
        private const int MaxInbox = 32;

        private readonly object _gate = new object();
        private readonly ArrayList _messages = new ArrayList();

        /// <summary>Queues a message; called on the MQTT client's thread, so it only queues.</summary>
        public void Add(string topic, byte[] payload, bool retained)
        {
            lock (_gate)
            {
                if (_messages.Count < MaxInbox)
                {
                    _messages.Add(new ReceivedMessage(topic, payload, retained));
                }
            }
        }

        /// <summary>The oldest message, removed from the queue, or null when none waits.</summary>
        public ReceivedMessage? Take()
        {
            lock (_gate)
            {
                if (_messages.Count == 0)
                {
                    return null;
                }

                ReceivedMessage message = (ReceivedMessage)_messages[0]!;
                _messages.RemoveAt(0);
                return message;
            }
        }
    }
}
