using System;
using IotMinerAgent.GatewayLoad;

// bench/gateway-load.sh runs this twice: once as the gateway, once as the simulated devices (docs/gateway.md, "Load").
if (args is ["breakdown", string devicesFile, string gatewayFile])
{
    return Breakdown.Run(devicesFile, gatewayFile);
}

LoadOptions load;
try
{
    load = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine("gateway-load: " + exception.Message);
    return 64;
}

return load.Mode == "gateway" ? await GatewayProcess.RunAsync(load) : await DevicesProcess.RunAsync(load);
