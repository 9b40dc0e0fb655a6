using System;
using System.Globalization;
using System.Text;
using System.Threading;
using IotMinerAgent.Hashing;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Energy;

/// <summary>
/// The latest value received on one topic and when it arrived; a value older than the topic timeout, or a payload
/// that is not a number, makes it unknown with a reason the owner can act on. Safe to update from the MQTT receive
/// loop while the governor reads it.
/// </summary>
public sealed class TopicReading(string key, string topic, TimeSpan timeout, TimeProvider time, ILogger logger)
{
    // A bad payload is shown escaped (UntrustedText) and cut to this length in the log and the reason.
    private const int ShownPayloadLength = 64;

    private readonly Lock _lock = new();
    private bool _hasValue;
    private double _value;
    private DateTimeOffset _at;
    private string? _problem;

    /// <summary>The topic.</summary>
    public string Topic => topic;

    /// <summary>Takes a message received on <see cref="Topic"/>: a number becomes the value, anything else makes it unknown (logged).</summary>
    public void Accept(ReadOnlySpan<byte> payload)
    {
        if (TopicValue.TryParse(payload, out double value))
        {
            lock (_lock)
            {
                (_hasValue, _value, _at, _problem) = (true, value, time.GetUtcNow(), null);
            }

            return;
        }

        string shown = UntrustedText.Escape(Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, ShownPayloadLength * 4)]), ShownPayloadLength);
        logger.LogWarning("{Key}: the message on {Topic} is not a number ('{Payload}'); the value counts as unknown until a number arrives", key, topic, shown);
        lock (_lock)
        {
            (_hasValue, _problem) = (false, $"the last message on {topic} was not a number: '{shown}'");
        }
    }

    /// <summary>The current value; false, with why, when none arrived, the last was not a number, or it is older than the timeout.</summary>
    public bool TryGet(out double value, out string why)
    {
        lock (_lock)
        {
            value = _value;
            if (!_hasValue)
            {
                why = _problem ?? $"no message on {topic} yet";
                return false;
            }

            TimeSpan age = time.GetUtcNow() - _at;
            if (timeout > TimeSpan.Zero && age > timeout)
            {
                why = string.Create(CultureInfo.InvariantCulture,
                    $"no message on {topic} for {(long)age.TotalSeconds} s (energy:topicTimeout = {(long)timeout.TotalSeconds} s)");
                return false;
            }

            why = "";
            return true;
        }
    }
}
