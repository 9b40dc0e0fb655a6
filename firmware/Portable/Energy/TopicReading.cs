using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Energy
{
    /// <summary>
    /// The latest number received on one energy topic and when it arrived (uptime), as the Linux agent's
    /// <c>TopicReading</c>: a value older than <c>energy:topicTimeout</c>, or a payload that is not a number, is
    /// unknown with the agent's reason texts. Used on the controller thread only.
    /// </summary>
    internal sealed class TopicReading
    {
        // A bad payload is shown escaped (UntrustedText) and cut to this length in the reason, as on the agent.
        private const int ShownPayloadLength = 64;

        // Payloads above this are not values: a number never needs more (the agent's TopicValue.MaxPayloadBytes).
        private const int MaxPayloadBytes = 1024;

        private readonly string _topic;
        private readonly long _timeoutMs;
        private bool _hasValue;
        private long _nano;
        private long _atMs;
        private string? _problem;

        public TopicReading(string topic, int timeoutSeconds)
        {
            _topic = topic;
            _timeoutMs = timeoutSeconds * 1000L;
        }

        /// <summary>The topic.</summary>
        public string Topic
        {
            get { return _topic; }
        }

        /// <summary>Messages taken so far (a surplus reading's id: each new message is acted on once).</summary>
        public int Messages { get; private set; }

        /// <summary>Takes a message that arrived at <paramref name="nowMs"/> (uptime).</summary>
        public void Accept(byte[] payload, long nowMs)
        {
            Messages++;
            long nano;
            if (TryParse(payload, out nano))
            {
                _hasValue = true;
                _nano = nano;
                _atMs = nowMs;
                _problem = null;
                return;
            }

            int shownBytes = payload.Length < ShownPayloadLength * 4 ? payload.Length : ShownPayloadLength * 4;
            _hasValue = false;
            _problem = "the last message on " + _topic + " was not a number: '" +
                UntrustedText.Escape(Text.Utf8.GetString(payload, 0, shownBytes), ShownPayloadLength) + "'";
        }

        /// <summary>The value in nano-units (× 10^9); false, with why, when none arrived, the last was not a number, or it is stale.</summary>
        public bool TryGet(long nowMs, out long nano, out string why)
        {
            nano = _nano;
            if (!_hasValue)
            {
                why = _problem == null ? "no message on " + _topic + " yet" : _problem;
                return false;
            }

            long ageMs = nowMs - _atMs;
            if (_timeoutMs > 0 && ageMs > _timeoutMs)
            {
                why = "no message on " + _topic + " for " + (ageMs / 1000).ToString() + " s (energy:topicTimeout = " + (_timeoutMs / 1000).ToString() + " s)";
                return false;
            }

            why = string.Empty;
            return true;
        }

        /// <summary>
        /// A number as Home Assistant and smart plugs publish it (the agent's <c>TopicValue</c>): plain (<c>0.41</c>), or a
        /// JSON object with a numeric <c>value</c> or <c>state</c> (a number or a numeric string). Decimal notation only:
        /// no exponent (the board parses without floating point).
        /// </summary>
        public static bool TryParse(byte[] payload, out long nano)
        {
            nano = 0;
            if (payload == null || payload.Length == 0 || payload.Length > MaxPayloadBytes)
            {
                return false;
            }

            string text = Text.Utf8.GetString(payload, 0, payload.Length).Trim();
            if (DecimalText.TryParse(text, 9, out nano))
            {
                return true;
            }

            return text.Length > 0 && text[0] == '{' && TryJsonObject(text, out nano);
        }

        private static bool TryJsonObject(string text, out long nano)
        {
            nano = 0;
            JsonValue root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonSyntaxException)
            {
                return false;
            }

            string[] names = { "value", "state" };
            for (int i = 0; i < names.Length; i++)
            {
                JsonValue? field = root.Kind == JsonKind.Object ? root.Member(names[i]) : null;
                if (field != null)
                {
                    return (field.Kind == JsonKind.Number || field.Kind == JsonKind.String) && DecimalText.TryParse(field.Text.Trim(), 9, out nano);
                }
            }

            return false;
        }
    }
}
