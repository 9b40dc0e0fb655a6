using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// The checks every request passes before an endpoint runs. With <c>api:accessToken</c> set, every request but the
/// dashboard's static files (which hold no data) must carry <c>Authorization: Bearer &lt;token&gt;</c>; a missing or
/// wrong token gets 401 with no detail (RFC 6750 §3: a bare <c>WWW-Authenticate: Bearer</c>). A request that changes
/// something and comes from a web page of another origin (its <c>Origin</c> header names another host) is refused
/// with 403: there is no CORS, and a page elsewhere must not pause the miner through the owner's browser.
/// </summary>
/// <param name="accessToken">The token, or null when none is required.</param>
public sealed class AccessGate(string? accessToken)
{
    // Compared as SHA-256 digests with a fixed-time comparison: neither the token's bytes nor its length leak through timing.
    private readonly byte[]? _expected = accessToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(accessToken));

    /// <summary>Runs the checks, then <paramref name="next"/> when they pass.</summary>
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        HttpResponse response = context.Response;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (_expected is not null && !DashboardFiles.IsPublic(context.Request) && !HasToken(context.Request))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && IsCrossOrigin(context.Request))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private bool HasToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, _expected);
    }

    private static bool IsCrossOrigin(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
