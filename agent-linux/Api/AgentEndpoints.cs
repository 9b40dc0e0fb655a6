using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// The miner's endpoints under <c>/api/v1</c> (docs/api.md). Reads: status (the MQTT status message itself), recent
/// shares, one-minute history, the run's pools and consent. Writes, only with <c>api:readOnly=false</c>: pause, resume
/// and limits, validated by the MQTT commands' own rules (<see cref="CommandParser"/>) and applied through the same
/// <see cref="IAgentControl"/>. Pool and payout have no endpoint: they come only from the configuration file.
/// </summary>
public static class AgentEndpoints
{
    /// <summary>Shares answered when <c>limit</c> is not given (or the whole buffer, when smaller).</summary>
    public const int DefaultShareLimit = 50;

    /// <summary>The answer of a write while <c>api:readOnly</c> is true.</summary>
    public const string ReadOnlyError = "the API is read-only (api:readOnly = true); set api:readOnly = false in the configuration to allow pause, resume and limits";

    /// <summary>The answer to a field naming the pool, payout, account or algorithm (<see cref="ForbiddenCommands"/>, the MQTT list).</summary>
    public const string ForbiddenChangeError =
        "the pool, the payout address, the account and the algorithm can never be changed through the API (anyone who can reach it could redirect the rewards); edit the agent's configuration file on the device";

    private static readonly string[] LimitNames = [CommandNames.TargetTemperature, CommandNames.MaxDuty, CommandNames.Threads];

    /// <summary>Maps the endpoints of <paramref name="agent"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, AgentApi agent, bool readOnly, ILogger logger)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("agent");
        api.MapGet("/status", () => TypedResults.Ok(StatusOf(agent)))
            .WithName("getStatus").WithSummary("The agent's status: the same fields as the MQTT status message (docs/mqtt.md).");
        api.MapGet("/shares", (int? limit) => Shares(agent.Shares, limit))
            .WithName("getShares").WithSummary("The most recent shares, newest first, with the pool's verdicts (limit: 1 to the buffer's size, default 50).");
        api.MapGet("/history", () => TypedResults.Ok(new HistoryResponse(60, agent.History.Samples())))
            .WithName("getHistory").WithSummary("One-minute averages of hash rate, temperature, duty and power over the last 24 h, oldest first.");
        api.MapGet("/agent", () => TypedResults.Ok(agent.Describe(agent.Status.GetStatus())))
            .WithName("getAgent").WithSummary("This run's pools in failover order, consent, power and earnings estimates, and whether the API is writable.");
        api.MapPost("/pause", () => Command(agent, readOnly, logger, CommandNames.Pause))
            .WithName("pause").WithSummary("Stops hashing until resumed (as MQTT cmd/pause). Needs api:readOnly = false.");
        api.MapPost("/resume", () => Command(agent, readOnly, logger, CommandNames.Resume))
            .WithName("resume").WithSummary("Hashes again after a pause (as MQTT cmd/resume). Needs api:readOnly = false.");
        api.MapPut("/limits", (HttpRequest request) => PutLimitsAsync(request, agent, readOnly, logger))
            .Accepts<LimitsRequest>("application/json")
            .WithName("putLimits").WithSummary("Sets any of target_temperature (°C), max_duty (%) and threads, by the MQTT commands' rules; all or nothing. Needs api:readOnly = false.");
    }

    private static StatusMessage StatusOf(AgentApi agent) => StatusMessage.From(agent.Status.GetStatus(), agent.DeviceId, DateTimeOffset.UtcNow);

    private static Results<Ok<SharesResponse>, JsonHttpResult<ErrorResponse>> Shares(RecentShares shares, int? limit)
    {
        int count = limit ?? Math.Min(DefaultShareLimit, shares.Capacity);
        if (count < 1 || count > shares.Capacity)
        {
            return Error(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture, $"limit = {count} is out of range; allowed: 1 to {shares.Capacity}"));
        }

        var entries = new List<ShareEntry>();
        foreach (RecentShare share in shares.Latest(count))
        {
            entries.Add(new ShareEntry(share.Id, share.FoundAt, share.Difficulty, share.JobId, share.Nonce.ToString("x8", CultureInfo.InvariantCulture), share.Verdict, share.Reason));
        }

        return TypedResults.Ok(new SharesResponse(entries));
    }

    private static Results<Ok<StatusMessage>, JsonHttpResult<ErrorResponse>> Command(AgentApi agent, bool readOnly, ILogger logger, string name)
    {
        if (readOnly)
        {
            return Error(StatusCodes.Status403Forbidden, ReadOnlyError);
        }

        CommandParseResult parsed = CommandParser.Parse(name, ReadOnlySpan<byte>.Empty, agent.Control.MaxThreads);
        return Apply(agent, logger, [parsed]);
    }

    private static async Task<Results<Ok<StatusMessage>, JsonHttpResult<ErrorResponse>>> PutLimitsAsync(HttpRequest request, AgentApi agent, bool readOnly, ILogger logger)
    {
        if (readOnly)
        {
            return Error(StatusCodes.Status403Forbidden, ReadOnlyError);
        }

        // JSON only: a form of another site cannot send it without a CORS preflight, which this API never answers.
        if (!request.HasJsonContentType())
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "send the limits as JSON (Content-Type: application/json), e.g. {\"max_duty\": 50}");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's body limit (ApiOptions.MaxRequestBodyBytes): 413.
            return Error(exception.StatusCode, string.Create(CultureInfo.InvariantCulture, $"the request body is too large; at most {ApiOptions.MaxRequestBodyBytes} bytes"));
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "the body is not valid JSON; send e.g. {\"target_temperature\": 65, \"max_duty\": 50, \"threads\": 2}");
        }

        using (document)
        {
            return Limits(document.RootElement, agent, logger);
        }
    }

    private static Results<Ok<StatusMessage>, JsonHttpResult<ErrorResponse>> Limits(JsonElement body, AgentApi agent, ILogger logger)
    {
        string allowed = string.Join(", ", LimitNames);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error(StatusCodes.Status400BadRequest, $"the body must be a JSON object with any of {allowed}");
        }

        var parsed = new List<CommandParseResult>();
        var errors = new List<string>();
        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (ForbiddenCommands.IsForbidden(property.Name))
            {
                // Pool and payout are never changed remotely: the same answer as over MQTT.
                return Error(StatusCodes.Status403Forbidden, ForbiddenChangeError);
            }

            if (Array.IndexOf(LimitNames, property.Name) < 0)
            {
                errors.Add($"unknown field '{Hashing.UntrustedText.Escape(property.Name, 64)}'; allowed: {allowed}");
                continue;
            }

            CommandParseResult result = CommandParser.ParseValue(property.Name, property.Value, agent.Control.MaxThreads);
            if (result.Error is string error)
            {
                errors.Add(error);
            }

            parsed.Add(result);
        }

        if (errors.Count == 0 && parsed.Count == 0)
        {
            errors.Add($"no limit given; send any of {allowed}");
        }

        return errors.Count > 0 ? TypedResults.Json(new ErrorResponse(errors), ApiJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest) : Apply(agent, logger, parsed);
    }

    private static Results<Ok<StatusMessage>, JsonHttpResult<ErrorResponse>> Apply(AgentApi agent, ILogger logger, IReadOnlyList<CommandParseResult> commands)
    {
        foreach (CommandParseResult parsed in commands)
        {
            if (parsed.Command is not AgentCommand command)
            {
                return Error(StatusCodes.Status400BadRequest, parsed.Error ?? "invalid command");
            }

            try
            {
                command.ApplyTo(agent.Control);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                return Error(StatusCodes.Status409Conflict, exception.Message);
            }

            logger.LogInformation("API command {Name} applied ({Value})", command.Name, command.Value);
        }

        return TypedResults.Ok(StatusOf(agent));
    }

    private static JsonHttpResult<ErrorResponse> Error(int status, string error)
        => TypedResults.Json(new ErrorResponse([error]), ApiJsonContext.Default.ErrorResponse, statusCode: status);
}
