using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>Opens the configured ledger: PostgreSQL when <c>gateway:ledger:postgres</c> is set, else the SQLite file.</summary>
public static class GatewayLedgers
{
    /// <summary>Opens (and creates when new) the ledger of <paramref name="options"/>.</summary>
    public static async Task<IDeviceLedger> OpenAsync(GatewayOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (options.PostgresConnectionString is { } connection)
        {
            return await PostgresDeviceLedger.OpenAsync(connection, loggers.CreateLogger<PostgresDeviceLedger>(), cancellationToken).ConfigureAwait(false);
        }

        return SqliteDeviceLedger.Open(options.SqlitePath, loggers.CreateLogger<SqliteDeviceLedger>());
    }

    /// <summary>Where the ledger of <paramref name="options"/> lives, without credentials.</summary>
    public static string Describe(GatewayOptions options) =>
        options.PostgresConnectionString is null ? "sqlite " + options.SqlitePath : "postgres (gateway:ledger:postgres)";
}
