using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Mqtt.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace IotMinerAgent.Linux.Api;

/// <summary>
/// The local web server of the agent or the gateway: the REST API (<c>/api/v1</c>), its OpenAPI document, <c>/metrics</c>
/// and the dashboard, on Kestrel at <c>api:host</c>:<c>api:port</c>. It runs beside the host's other services with its
/// own small container (the host's logging); a port it cannot bind is logged as an error and leaves mining running.
/// </summary>
public sealed class ApiServer : IHostedService, IAsyncDisposable
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/api/v1/openapi.json";

    private readonly ApiOptions _options;
    private readonly AgentApi? _agent;
    private readonly RunningGateway? _gateway;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private WebApplication? _app;

    /// <summary>A server for the agent's endpoints (<paramref name="agent"/>), the gateway's (<paramref name="gateway"/>), or both.</summary>
    public ApiServer(ApiOptions options, AgentApi? agent, RunningGateway? gateway, ILoggerFactory loggers)
    {
        _options = options;
        _agent = agent;
        _gateway = gateway;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ApiServer>();
    }

    /// <summary>
    /// Registers the server of a gateway run alone (<c>iotminer gateway</c>) unless <c>api:enabled</c> is false.
    /// </summary>
    /// <exception cref="Configuration.ConfigurationException">Names every invalid <c>api</c> key.</exception>
    public static void AddForGateway(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ApiOptions options = ApiOptions.Parse(key => configuration[key]);
        if (options.Enabled)
        {
            services.AddHostedService(sp => new ApiServer(options, agent: null, sp.GetRequiredService<RunningGateway>(), sp.GetRequiredService<ILoggerFactory>()));
        }
    }

    /// <summary>The dashboard's address once listening (the real port when <c>api:port</c> is 0); null before or when off.</summary>
    public Uri? Address { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        WebApplication app = Build();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // Address in use (another agent on 4048) or not on this device: the API is off, mining goes on.
            _logger.LogError("Dashboard and API are off: cannot listen on {Host}:{Port}: {Reason} Mining goes on; set api:port to a free port (or api:enabled = false).",
                _options.Host, _options.Port, exception.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        _logger.LogInformation("Dashboard and API: {Address} ({Access}{Exposure}; docs/api.md)", Address,
            _options.ReadOnly ? "read-only" : "read-write: pause, resume and limits allowed",
            _options.AccessToken is null ? ", no access token: this device only" : ", access token required");
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private WebApplication Build()
    {
        // An empty builder: no configuration files or environment of ASP.NET Core's own, only the api section.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "iotminer", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ApiOptions.MaxRequestBodyBytes;
            kestrel.Listen(new IPEndPoint(_options.Host, _options.Port));
        });
        builder.Services.AddSingleton(_loggers);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // The status is the MQTT status message with its own serializer context: one shape for both. The contexts'
            // metadata takes the naming policy of the options it serves: snake_case, as the MQTT contract.
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, MqttJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, ApiJsonContext.Default);
        });
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "IotMinerAgent local API";
            document.Info.Version = "v1";
            document.Info.Description = "Status, shares, history and controls of one iotminer agent or gateway (docs/api.md).";
            return Task.CompletedTask;
        }));

        WebApplication app = builder.Build();
        var gate = new AccessGate(_options.AccessToken);
        app.Use((context, next) => gate.InvokeAsync(context, next));
        DashboardFiles.Map(app);
        app.MapOpenApi(OpenApiPath);
        var roles = new ApiRoles(_agent is not null, _gateway is not null, _options.ReadOnly);
        app.MapGet("/api/v1", () => TypedResults.Ok(roles))
            .WithTags("api").WithName("getRoles").WithSummary("What this process serves: agent (mining) endpoints, gateway endpoints, and whether writes are allowed.");
        if (_agent is not null)
        {
            AgentEndpoints.Map(app, _agent, _options.ReadOnly, _loggers.CreateLogger("IotMinerAgent.Linux.Api"));
        }

        GatewayEndpoints.Map(app, _gateway);
        EnergyEndpoints.Map(app, _agent, _gateway);

        var metrics = new MetricsExport(_agent, _gateway, TimeProvider.System);
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }
}
