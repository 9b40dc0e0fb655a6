using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Hosting;

/// <summary>
/// The host every long-running role (<c>iotminer run</c>, <c>iotminer gateway</c>) starts from: the already validated
/// configuration, logs for journald under systemd or one line per event in a terminal, and a fatal error in any
/// hosted service ending the process with a non-zero exit code.
/// </summary>
public static class ServiceHostBuilder
{
    /// <summary>A host builder named <paramref name="applicationName"/> over <paramref name="configuration"/>.</summary>
    public static HostApplicationBuilder Create(string applicationName, IConfiguration configuration)
    {
        // An empty builder: configuration was read and validated before the host exists (exit 78 on a bad key).
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = (ConfigurationManager?)null,
            ApplicationName = applicationName,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (SystemdHelpers.IsSystemdService())
        {
            // journald reads the <N> priority prefixes: errors show as errors in journalctl -p.
            builder.Logging.AddSystemdConsole();
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.Services.AddFatalErrorExit();
        return builder;
    }
}
