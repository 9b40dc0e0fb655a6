using System.Collections.Generic;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotMinerAgent.Linux.Api;

/// <summary>The fleet gateway's endpoint: <c>GET /api/v1/devices</c>, each device's hash rate, last seen and verdicts.</summary>
public static class GatewayEndpoints
{
    /// <summary>Maps the endpoint over the gateway the host runs; without one (<paramref name="gateway"/> null) it answers <c>gateway: false</c>.</summary>
    public static void Map(IEndpointRouteBuilder app, RunningGateway? gateway)
    {
        app.MapGet("/api/v1/devices", () => TypedResults.Ok(Devices(gateway)))
            .WithTags("gateway").WithName("getDevices")
            .WithSummary("The gateway's devices: hash rate as each reported it, last seen, shares accepted and rejected.");
    }

    private static DevicesResponse Devices(RunningGateway? gateway)
    {
        var devices = new List<DeviceEntry>();
        if (gateway?.Current is { } running)
        {
            foreach (DeviceReport device in running.Dispatcher.Devices())
            {
                // Device ids are topic levels a device chose: escaped before they are shown (UntrustedText).
                devices.Add(new DeviceEntry(Hashing.UntrustedText.Escape(device.DeviceId, 128), device.HashrateHs, device.LastSeen, device.Accepted, device.Rejected));
            }
        }

        return new DevicesResponse(gateway is not null, devices);
    }
}
