using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Connection;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Mqtt.Outbox;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Wires MQTT into the agent: the reporter as a hosted service and the share outbox as the share journal.</summary>
public static class MqttServices
{
    /// <summary>Registers MQTT reporting for <paramref name="setup"/>, or a journal that only logs when <c>mqtt:enabled</c> is false.</summary>
    public static void Add(IServiceCollection services, AgentSetup setup)
    {
        if (!setup.Mqtt.Enabled)
        {
            services.AddSingleton<IShareJournal, LogOnlyJournal>();
            return;
        }

        string deviceId = DeviceId.Resolve(setup.Mqtt.DeviceId);
        services.AddSingleton(_ => ShareOutbox.Open(setup.StateDirectory));
        services.AddSingleton(sp =>
        {
            var reporter = new MqttReporter(setup.Mqtt, deviceId, sp.GetRequiredService<ShareOutbox>(), sp.GetRequiredService<AgentStatusProvider>(),
                sp.GetRequiredService<IAgentControl>(), AgentVersion.Current, sp.GetRequiredService<ILoggerFactory>())
            {
                EnergyCurrency = setup.EnergyRule.Currency,
            };
            if (sp.GetService<EnergyInputs>() is { Topics.Count: > 0 } energy)
            {
                // The energy rule's topics (price, surplus, …) arrive on the agent's own broker connection.
                reporter.Listen(energy.Topics, (topic, payload) => energy.Accept(topic, payload));
            }

            return reporter;
        });
        services.AddSingleton<IShareJournal>(sp => new OutboxJournal(sp.GetRequiredService<ShareOutbox>(), deviceId, setup.Mqtt.ShareResultWait));
        services.AddHostedService<MqttService>();
    }

    /// <summary>
    /// Runs the reporter. MQTT problems (a broker that cannot start, a bad TLS file) are logged as errors but do not
    /// stop mining: shares wait in the outbox until the broker is reachable.
    /// </summary>
    private sealed class MqttService(MqttReporter reporter, StatusLoop status, ILogger<MqttService> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (reporter.Outbox.UnansweredAtOpen > 0)
            {
                logger.LogWarning("{Count} shares found before the agent last stopped never got the pool's answer; they are published without a result (the pool may still have credited them).",
                    reporter.Outbox.UnansweredAtOpen);
            }

            AgentState? last = null;
            status.Sampled += s =>
            {
                if (s.State != last)
                {
                    last = s.State;
                    reporter.NotifyStatusChanged();
                }
            };
            try
            {
                await reporter.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is EmbeddedBrokerException or MqttOptionsException)
            {
                logger.LogError("MQTT reporting is off: {Problem} Mining goes on; shares wait in the outbox ({Outbox}).", ex.Message, reporter.Outbox.Path);
            }
        }
    }

    // The pool's reason is stored in the outbox and published: escaped on the way in (UntrustedText), whoever sent it.
    private const int ShareReasonLength = 200;

    /// <summary>Shares go into the MQTT outbox as found (on disk within a second unless the broker acknowledged them sooner), then get the pool's verdict.</summary>
    internal sealed class OutboxJournal(ShareOutbox outbox, string deviceId, TimeSpan awaitResult) : IShareJournal
    {
        public void Found(IReadOnlyList<FoundShare> shares) => outbox.Enqueue([.. shares.Select(Message)], awaitResult);

        public void Answered(FoundShare share, ShareOutcome outcome) => outbox.RecordResult(share.Id, outcome.Verdict, outcome.Reason is null ? null : UntrustedText.Escape(outcome.Reason, ShareReasonLength));

        private ShareMessage Message(FoundShare share) => new()
        {
            Id = share.Id,
            DeviceId = deviceId,
            FoundAt = share.FoundAt,
            Algo = share.Job.Algorithm,
            Pool = share.Job.Pool,
            JobId = share.Job.JobId,
            Nonce = share.Nonce.ToString("x8", CultureInfo.InvariantCulture),
            Extranonce2 = Convert.ToHexStringLower(share.Extranonce2),
            Ntime = share.Job.NtimeHex,
            VersionBits = share.Job.VersionBitsHex,
            Difficulty = share.Difficulty,
            PoolDifficulty = share.Job.ShareDifficulty.ToDouble(),
            Hash = Hex.EncodeReversed(share.Hash),
        };
    }

    /// <summary>
    /// With MQTT off nothing is published, so nothing needs a durable journal: each share is counted (status, stop
    /// summary), its verdict logged (accepted ones summarised), and its full record is a debug log line.
    /// </summary>
    private sealed class LogOnlyJournal(ILogger<LogOnlyJournal> logger) : IShareJournal
    {
        public void Found(IReadOnlyList<FoundShare> shares)
        {
            foreach (FoundShare share in shares)
            {
                logger.LogDebug("Share {ShareId} recorded (MQTT is off, so it is not published): job {JobId} extranonce2 {Extranonce2} nonce {Nonce} hash {Hash}",
                    share.Id, share.Job.JobId, Convert.ToHexStringLower(share.Extranonce2), share.Nonce.ToString("x8", CultureInfo.InvariantCulture), Hex.EncodeReversed(share.Hash));
            }
        }

        public void Answered(FoundShare share, ShareOutcome outcome)
        {
        }
    }
}
