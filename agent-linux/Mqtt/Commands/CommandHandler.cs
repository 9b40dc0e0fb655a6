using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Mqtt.Commands;

/// <summary>
/// Handles <c>cmd/&lt;name&gt;</c> messages: validates them (<see cref="CommandParser"/>), applies the valid ones
/// through <see cref="IAgentControl"/>, and answers every one on <c>event</c> with ok or a clear error.
/// Nothing a publisher sends can crash the agent: every failure becomes an error event.
/// </summary>
public sealed class CommandHandler
{
    /// <summary>Answer to a command delivered from the broker's retained store.</summary>
    public const string RetainedError =
        "retained commands are refused (they would be replayed at every reconnect); publish commands without the retain flag (mosquitto_pub without -r)";

    readonly IAgentControl _control;
    readonly IMqttSender _sender;
    readonly MqttTopics _topics;
    readonly Action _applied;
    readonly ILogger _logger;
    readonly TimeProvider _time;
    readonly Channel<ReceivedMessage> _queue = Channel.CreateBounded<ReceivedMessage>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Creates the handler; <paramref name="applied"/> runs after each applied command (e.g. publish status).</summary>
    public CommandHandler(IAgentControl control, IMqttSender sender, MqttTopics topics, Action applied, ILogger? logger = null, TimeProvider? time = null)
    {
        _control = control;
        _sender = sender;
        _topics = topics;
        _applied = applied;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Queues <paramref name="message"/> when it is a command of this device (called from the receive loop).</summary>
    public Task AcceptAsync(ReceivedMessage message)
    {
        if (_topics.CommandNameOf(message.Topic) is not null)
        {
            _queue.Writer.TryWrite(message);
        }

        return Task.CompletedTask;
    }

    /// <summary>Handles queued commands until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (ReceivedMessage message in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                EventMessage answer = Handle(_topics.CommandNameOf(message.Topic)!, message.Payload, message.Retained);
                await AnswerAsync(answer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: MQTTnet reports a publish cut short by cancellation as a timeout, not only as OperationCanceledException.
        }
    }

    /// <summary>Validates and applies one command; returns the event that answers it.</summary>
    public EventMessage Handle(string name, ReadOnlySpan<byte> payload, bool retained)
    {
        // The name is the publisher's topic level: escaped before it is logged or echoed (UntrustedText).
        name = UntrustedText.Escape(name, CommandLimits.MaxNameLength);
        CommandParseResult parsed = retained
            ? CommandParseResult.Failure(RetainedError, null)
            : CommandParser.Parse(name, payload, SafeMaxThreads());
        if (parsed.Command is not AgentCommand command)
        {
            _logger.LogInformation("MQTT command {Name} refused: {Error}", name, parsed.Error);
            return Answer(name, ok: false, parsed.Error, null, parsed.RequestId);
        }

        try
        {
            command.ApplyTo(_control);
        }
        catch (Exception exception)
        {
            string error = UntrustedText.Escape(exception is ArgumentException or InvalidOperationException
                ? exception.Message
                : $"the agent could not apply {name}: {exception.GetType().Name}: {exception.Message}", 500);
            _logger.LogWarning("MQTT command {Name} failed: {Error}", name, error);
            return Answer(name, ok: false, error, null, command.RequestId);
        }

        _logger.LogInformation("MQTT command {Name} applied ({Value})", name, command.Value);
        _applied();
        return Answer(name, ok: true, null, command.Value, command.RequestId);
    }

    int SafeMaxThreads()
    {
        try
        {
            return _control.MaxThreads;
        }
        catch (Exception exception)
        {
            _logger.LogWarning("IAgentControl.MaxThreads failed: {Error}", exception.Message);
            return CommandLimits.MinThreads;
        }
    }

    EventMessage Answer(string name, bool ok, string? error, double? value, string? requestId) => new()
    {
        DeviceId = _topics.DeviceIdValue,
        Time = _time.GetUtcNow(),
        Command = name,
        Ok = ok,
        Error = error,
        Value = value,
        RequestId = requestId,
    };

    async Task AnswerAsync(EventMessage answer, CancellationToken cancellationToken)
    {
        try
        {
            byte[] payload = JsonSerializer.SerializeToUtf8Bytes(answer, MqttJsonContext.Default.EventMessage);
            await _sender.PublishAsync(_topics.Event, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("MQTT answer to {Command} could not be published: {Error}", answer.Command, MqttConnection.Flatten(exception));
        }
    }
}
