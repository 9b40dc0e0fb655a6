using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Api;

/// <summary>What <c>iotminer status</c> reads from a running agent: its status, run description and energy ledger.</summary>
/// <param name="Address">Where the agent answered.</param>
/// <param name="Status">GET /api/v1/status.</param>
/// <param name="Agent">GET /api/v1/agent.</param>
/// <param name="Energy">GET /api/v1/energy?days=7.</param>
public sealed record AgentSnapshot(Uri Address, StatusMessage Status, AgentResponse Agent, EnergyResponse Energy);

/// <summary>The agent's API could not be read; <see cref="ExitCode"/> is the documented exit code, the message names the fix.</summary>
/// <param name="message">What went wrong and how to fix it.</param>
/// <param name="exitCode">See <see cref="ExitCodes"/>.</param>
public sealed class LocalApiException(string message, int exitCode) : Exception(message)
{
    /// <summary>The exit code <c>iotminer status</c> ends with.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// Reads the API of the agent running on this device, at the address its own <c>api:*</c> settings give (the same
/// configuration sources as <c>iotminer run</c>); a bind to every interface is reached over loopback.
/// </summary>
public sealed class LocalApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ApiOptions _options;

    /// <summary>A client for the API <paramref name="options"/> describe, giving up on an answer after <paramref name="timeout"/>.</summary>
    public LocalApiClient(ApiOptions options, TimeSpan timeout)
    {
        _options = options;
        IPAddress host = options.Host.Equals(IPAddress.Any) ? IPAddress.Loopback : options.Host.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : options.Host;
        Address = new UriBuilder("http", host.ToString(), options.Port).Uri;
        _http = new HttpClient { BaseAddress = Address, Timeout = timeout };
        if (options.AccessToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
        }
    }

    /// <summary>The API's address.</summary>
    public Uri Address { get; }

    /// <summary>Reads status, run and the last 7 days of the ledger.</summary>
    /// <exception cref="LocalApiException">No agent answers, the API is off, the token is refused, or an answer is not the API's.</exception>
    public async Task<AgentSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            throw new LocalApiException("the agent's API is disabled (api:enabled = false), so there is nothing to ask; set api:enabled = true in the configuration and restart the agent (sudo systemctl restart iotminer)", ExitCodes.Unavailable);
        }

        if (_options.Port == 0)
        {
            throw new LocalApiException("api:port = 0 lets the system choose the agent's port, so it cannot be known here; give the port the agent printed ('Dashboard and API: …') with --api:port=N", ExitCodes.Unavailable);
        }

        StatusMessage status = await GetAsync("/api/v1/status", MqttJsonContext.Default.StatusMessage, cancellationToken).ConfigureAwait(false);
        AgentResponse agent = await GetAsync("/api/v1/agent", ApiJsonContext.Default.AgentResponse, cancellationToken).ConfigureAwait(false);
        EnergyResponse energy = await GetAsync("/api/v1/energy?days=" + EnergyEndpoints.WeekDays.ToString(CultureInfo.InvariantCulture), ApiJsonContext.Default.EnergyResponse, cancellationToken).ConfigureAwait(false);
        return new AgentSnapshot(Address, status, agent, energy);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            throw new LocalApiException($"no agent answers at {Address} (api:host, api:port): start it ('iotminer run', or 'sudo systemctl start iotminer' for the service), or give the address it listens on with --api:host and --api:port", ExitCodes.Unavailable);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LocalApiException($"the agent at {Address} did not answer within {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; check that 'iotminer run' is not stuck (journalctl -u iotminer)", ExitCodes.Unavailable);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new LocalApiException(_options.AccessToken is null
                    ? $"the agent at {Address} requires an access token; give the agent's api:accessToken (in the configuration file or --api:accessToken=…)"
                    : $"the agent at {Address} refused the access token; api:accessToken must be the one the agent runs with", ExitCodes.NoPermission);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new LocalApiException($"the agent at {Address} answered {(int)response.StatusCode} to GET {path}; is this port an iotminer agent's API (api:port)?", ExitCodes.Unavailable);
            }

            try
            {
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("null body");
            }
            catch (JsonException)
            {
                throw new LocalApiException($"GET {path} at {Address} did not answer the API's JSON; is this port an iotminer agent's API (api:port), and is it the same version?", ExitCodes.Unavailable);
            }
        }
    }
}
