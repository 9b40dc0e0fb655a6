using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Duino;
using IotMinerAgent.Linux.Duino.Session;
using IotMinerAgent.Linux.Duino.Transport;
using IotMinerAgent.Linux.Stratum;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Duino;

/// <summary>
/// A Duino-Coin pool client: one TCP connection per hashing thread, as the official miners keep (each with its own
/// job), each reconnecting with jittered backoff on its own. Pool answers are handled as issue 13 lists them: tier moves
/// logged once, "Incorrect result" counted and logged with its job, a ban stops every connection for good.
/// </summary>
public sealed class DuinoClient(DuinoClientSettings settings, Func<string> iotData, HttpClient http, ILogger logger)
{
    private readonly Lock _lock = new();
    private DuinoEndpoint? _picked;

    /// <summary>The state shown in status.</summary>
    public DuinoClientState State { get; } = new(settings.StartTier);

    /// <summary>The configured node, or null when the node picker chooses one.</summary>
    public string? ConfiguredPool => settings.Options.Pool.Length > 0 ? settings.Options.Pool : null;

    /// <summary>Runs every worker connection until cancelled or the pool refuses all work; each job goes to <paramref name="onJob"/>.</summary>
    public async Task RunAsync(Action<DuinoAssignment> onJob, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = new Task[settings.Connections];
        for (int i = 0; i < workers.Length; i++)
        {
            int worker = i;
            workers[i] = Task.Run(() => RunWorkerAsync(worker, onJob, stop), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task RunWorkerAsync(int worker, Action<DuinoAssignment> onJob, CancellationTokenSource stop)
    {
        var backoff = new ReconnectBackoff(settings.ReconnectInitial, settings.ReconnectMax, Random.Shared);
        CancellationToken token = stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                DuinoEndpoint endpoint = await ResolveAsync(token).ConfigureAwait(false);
                await using DuinoLineConnection connection = await DuinoLineConnection.ConnectAsync(endpoint, settings.AnswerTimeout, token).ConfigureAwait(false);
                await GreetAsync(worker, endpoint, connection, token).ConfigureAwait(false);
                if (!await MineAsync(worker, endpoint, connection, onJob, backoff, token).ConfigureAwait(false))
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (Exception error) when (!token.IsCancellationRequested && error is DuinoConnectionLostException or SocketException or IOException or HttpRequestException or InvalidOperationException or OperationCanceledException or System.Text.Json.JsonException)
            {
                lock (_lock)
                {
                    _picked = null;
                }

                TimeSpan delay = backoff.NextDelay();
                logger.LogWarning("Duino worker {Worker}: {Problem}; reconnecting in {Delay:0.0} s (attempt {Attempt})",
                    worker, UntrustedText.Escape(error.Message, 200), delay.TotalSeconds, backoff.Failures);
                try
                {
                    await Task.Delay(delay, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<DuinoEndpoint> ResolveAsync(CancellationToken cancellationToken)
    {
        if (DuinoEndpoint.TryParse(settings.Options.Pool, out DuinoEndpoint? configured))
        {
            return configured;
        }

        lock (_lock)
        {
            if (_picked is not null)
            {
                return _picked;
            }
        }

        (DuinoEndpoint endpoint, string name) = await new DuinoNodePicker(http, new Uri(settings.Options.PoolPickerUrl)).PickAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Duino node picker chose {Node} ({Endpoint})", name, UntrustedText.Escape(endpoint.ToString(), 100));
        lock (_lock)
        {
            _picked = endpoint;
        }

        return endpoint;
    }

    /// <summary>Reads the version line; anything else is logged and mining goes on (a node need not be an exact version).</summary>
    private async Task GreetAsync(int worker, DuinoEndpoint endpoint, DuinoLineConnection connection, CancellationToken cancellationToken)
    {
        string version = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        State.Pool = endpoint.ToString();
        if (!DuinoServerVersion.IsVersion(version))
        {
            logger.LogWarning("Duino node {Node} greeted worker {Worker} with '{Line}' instead of a version line (like 4.3); mining on",
                endpoint, worker, UntrustedText.Escape(version, 100));
        }
        else if (worker == 0)
        {
            logger.LogInformation("Connected to Duino node {Node}, server version {Version}", endpoint, version);
        }
    }

    /// <summary>Asks for jobs and submits their results until the connection fails; false when the pool refuses all work.</summary>
    private async Task<bool> MineAsync(int worker, DuinoEndpoint endpoint, DuinoLineConnection connection, Action<DuinoAssignment> onJob, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            DuinoTier tier = State.Tiers.Current;
            await connection.SendAsync(DuinoRequests.Job(settings.Options.Username, tier, settings.Options.MiningKey, iotData()), cancellationToken).ConfigureAwait(false);
            string line = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (DuinoFeedback.IsFeedback(line))
            {
                // A job request refused with BAD,<reason> (a ban, a wrong key, a tier the pool will not give).
                if (!React(DuinoFeedback.Parse(line), tier, null))
                {
                    return false;
                }

                await Task.Delay(settings.RetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            DuinoJob job;
            try
            {
                job = DuinoJob.Parse(line);
            }
            catch (DuinoProtocolException error)
            {
                logger.LogWarning("Duino node {Node} sent worker {Worker} a malformed job '{Line}': {Problem}; asking again in {Delay:0} s",
                    endpoint, worker, UntrustedText.Escape(line, 120), error.Message, settings.RetryDelay.TotalSeconds);
                await Task.Delay(settings.RetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            backoff.Reset();
            DuinoFeedback? feedback = await SolveAndSubmitAsync(new DuinoAssignment(worker, job, tier, endpoint.ToString()), connection, onJob, cancellationToken).ConfigureAwait(false);
            if (feedback is { IsAccepted: false } && !React(feedback, tier, job))
            {
                return false;
            }
        }
    }

    private async Task<DuinoFeedback?> SolveAndSubmitAsync(DuinoAssignment assignment, DuinoLineConnection connection, Action<DuinoAssignment> onJob, CancellationToken cancellationToken)
    {
        DuinoFeedback? feedback = null;
        try
        {
            onJob(assignment);
            (uint nonce, double rate) = await assignment.Solution.WaitAsync(cancellationToken).ConfigureAwait(false);
            await connection.SendAsync(DuinoRequests.Submit(nonce, rate, settings.MinerName, settings.RigId, string.Empty, settings.WalletId), cancellationToken).ConfigureAwait(false);
            string line = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                feedback = DuinoFeedback.Parse(line);
            }
            catch (DuinoProtocolException)
            {
                throw new DuinoConnectionLostException($"the node answered a result with '{UntrustedText.Escape(line, 80)}', not GOOD, BLOCK or BAD");
            }

            if (feedback.Reason == DuinoBadReasons.IncorrectResult)
            {
                State.CountIncorrectResult();
                logger.LogWarning("Duino pool answered Incorrect result (number {Count}) for nonce {Nonce} of job {LastHash},{Expected},{Difficulty} (tier {Tier}, worker {Worker})",
                    State.IncorrectResults, nonce, assignment.Job.LastHash, assignment.Job.ExpectedHash, assignment.Job.Difficulty, assignment.Tier, assignment.Worker);
            }

            return feedback;
        }
        finally
        {
            assignment.Answer(feedback);
        }
    }

    /// <summary>Acts on a BAD answer; false when mining must stop.</summary>
    private bool React(DuinoFeedback feedback, DuinoTier tier, DuinoJob? job)
    {
        switch (DuinoReactions.To(feedback.Reason))
        {
            case DuinoReaction.MoveHarder or DuinoReaction.MoveEasier:
                bool harder = DuinoReactions.To(feedback.Reason) == DuinoReaction.MoveHarder;
                if (State.Tiers.Move(tier, harder) is { } moved)
                {
                    logger.LogInformation("Duino pool answered '{Reason}' for tier {From}: asking for tier {To} from now on",
                        feedback.Reason, tier, moved);
                }

                return true;
            case DuinoReaction.Stop:
                if (State.Stop(feedback.Reason))
                {
                    logger.LogError("Duino pool refused all work for user {User}: '{Reason}'. Mining stopped (no reconnect). {Fix}",
                        UntrustedText.Escape(settings.Options.Username, 64), feedback.Reason, feedback.Reason == DuinoBadReasons.TooManyWorkers
                            ? "Run fewer workers for this account (mining:threads, or fewer rigs), then restart the agent."
                            : "Check the account on duinocoin.com, then restart the agent.");
                }

                return false;
            default:
                if (job is null)
                {
                    logger.LogWarning("Duino pool refused a job request: {Reason}; asking again", UntrustedText.Escape(feedback.Reason, 200));
                }

                return true;
        }
    }
}
