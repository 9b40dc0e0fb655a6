using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Configuration;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>Access token, body limit, no CORS, no cross-origin writes, and the token never in a log or an error.</summary>
public sealed class ApiSecurityTests
{
    private const string Token = "correct-horse-battery-staple-42";
    private static readonly ApiOptions WithToken = new() { AccessToken = Token, ReadOnly = false };

    [Theory]
    [InlineData("/api/v1/status")]
    [InlineData("/api/v1/shares")]
    [InlineData("/api/v1/history")]
    [InlineData("/api/v1/agent")]
    [InlineData("/api/v1/devices")]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/openapi.json")]
    [InlineData("/metrics")]
    [InlineData("/no/such/path")]
    public async Task Every_endpoint_answers_401_without_detail_to_a_missing_or_wrong_token(string path)
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(WithToken);
        foreach (string? token in new[] { null, "wrong-token-wrong-token", Token + "x", Token[..^1] })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, api.Url(path));
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using HttpResponseMessage response = await api.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        using var authorized = new HttpRequestMessage(HttpMethod.Get, api.Url(path));
        authorized.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using HttpResponseMessage ok = await api.Client.SendAsync(authorized);
        Assert.Equal(path == "/no/such/path" ? HttpStatusCode.NotFound : HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_write_without_the_token_changes_nothing()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(WithToken);
        using HttpResponseMessage response = await api.Client.PostAsync(api.Url("/api/v1/pause"), null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(api.Control.MiningEnabled);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    public async Task The_dashboard_files_hold_no_data_and_load_without_the_token(string path)
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(WithToken);
        using HttpResponseMessage response = await api.Client.GetAsync(api.Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("test-device", body);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_token_is_never_logged()
    {
        await using (ApiServerHarness api = await ApiServerHarness.StartAsync(WithToken))
        {
            foreach (string token in new[] { Token, "wrong-token-wrong-token" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, api.Url("/api/v1/limits")) { Content = AgentEndpointTests.Json("{\"max_duty\": 55}") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using HttpResponseMessage response = await api.Client.SendAsync(request);
            }

            Assert.Equal(55, api.Control.MaxDutyPercent);
            Assert.Contains(api.Logs, line => line.Contains("access token required", StringComparison.Ordinal));
            Assert.Contains(api.Logs, line => line.Contains("max_duty", StringComparison.Ordinal));
            Assert.DoesNotContain(api.Logs, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains("wrong-token", StringComparison.Ordinal));
        }

        // Nor echoed by a configuration error about it.
        var error = Assert.Throws<ConfigurationException>(() => ApiOptions.Parse(key => key == "api:accessToken" ? "short-secret" : null));
        Assert.DoesNotContain("short-secret", error.Message);
    }

    [Fact]
    public async Task Request_bodies_are_bounded()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(new ApiOptions { ReadOnly = false });
        string huge = "{\"max_duty\": 50, \"pad\": \"" + new string('x', 64 * 1024) + "\"}";
        using HttpResponseMessage response = await api.Client.PutAsync(api.Url("/api/v1/limits"), AgentEndpointTests.Json(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(100, api.Control.MaxDutyPercent);
    }

    [Fact]
    public async Task No_CORS_and_no_write_from_another_origin()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(new ApiOptions { ReadOnly = false });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, api.Url("/api/v1/pause"));
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using HttpResponseMessage preflightAnswer = await api.Client.SendAsync(preflight);
        Assert.False(preflightAnswer.Headers.Contains("Access-Control-Allow-Origin"));

        using var read = new HttpRequestMessage(HttpMethod.Get, api.Url("/api/v1/status"));
        read.Headers.Add("Origin", "http://evil.example");
        using HttpResponseMessage readAnswer = await api.Client.SendAsync(read);
        Assert.False(readAnswer.Headers.Contains("Access-Control-Allow-Origin"));

        // A page elsewhere posting through the owner's browser (a "simple" request needs no preflight): refused.
        using var write = new HttpRequestMessage(HttpMethod.Post, api.Url("/api/v1/pause"));
        write.Headers.Add("Origin", "http://evil.example");
        using HttpResponseMessage writeAnswer = await api.Client.SendAsync(write);
        Assert.Equal(HttpStatusCode.Forbidden, writeAnswer.StatusCode);
        Assert.True(api.Control.MiningEnabled);

        // The dashboard itself (same origin) may.
        using var own = new HttpRequestMessage(HttpMethod.Post, api.Url("/api/v1/pause"));
        own.Headers.Add("Origin", api.Address.GetLeftPart(UriPartial.Authority));
        using HttpResponseMessage ownAnswer = await api.Client.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, ownAnswer.StatusCode);
        Assert.False(api.Control.MiningEnabled);
    }
}
