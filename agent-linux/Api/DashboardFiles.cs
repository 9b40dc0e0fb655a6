using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// The dashboard's static files (<c>Api/Dashboard/wwwroot</c>), embedded in the binary and served from memory: no CDN,
/// no build step, nothing fetched at run time, so the page works offline on a LAN. They hold no data (the page asks the
/// API for it), so they are served without the access token; the page asks the owner for it when the API needs one.
/// </summary>
public static class DashboardFiles
{
    // The page may load its own script, style and API, nothing else (and may not be framed: no clickjacking of pause).
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["/"] = ("dashboard/index.html", "text/html; charset=utf-8"),
        ["/app.js"] = ("dashboard/app.js", "text/javascript; charset=utf-8"),
        ["/app.css"] = ("dashboard/app.css", "text/css; charset=utf-8"),
    };

    /// <summary>True for a GET or HEAD of a dashboard file (served without the token).</summary>
    public static bool IsPublic(HttpRequest request)
        => (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && Files.ContainsKey(request.Path.Value ?? string.Empty);

    /// <summary>Maps every dashboard file to its path.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach ((string path, (string resource, string contentType)) in Files)
        {
            byte[] content = Read(resource);
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.CacheControl = "no-cache";
                return TypedResults.Bytes(content, contentType);
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string resource)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The dashboard file {resource} is not embedded in the binary: check the EmbeddedResource items of IotMinerAgent.Linux.csproj.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
