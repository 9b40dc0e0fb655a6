using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Gateway.Ledger;

/// <summary>
/// A private PostgreSQL cluster for the tests (Debian's <c>postgresql</c> package, installed by
/// tests/scripts/install-test-deps.sh): initdb in a temp directory, pg_ctl start on a free loopback port with trust
/// auth, and stop plus delete on dispose. PostgreSQL refuses to run as root, so as root it runs as <c>postgres</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iotminer-pg-" + Guid.NewGuid().ToString("N"));
    private string _binaries = string.Empty;

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of a fresh database <paramref name="database"/>, created on first use.</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        Directory.CreateDirectory(_directory);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", _directory);
        }

        string data = Path.Combine(_directory, "data");
        await RunAsPostgresAsync(Path.Combine(_binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        Port = FreePort();
        await RunAsPostgresAsync(Path.Combine(_binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /// <summary>Creates database <paramref name="name"/>.</summary>
    public Task CreateDatabaseAsync(string name) =>
        RunAsPostgresAsync(Path.Combine(_binaries, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-c", $"CREATE DATABASE {name}");

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            await RunAsPostgresAsync(Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string FindBinaries()
    {
        string? versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : 0).FirstOrDefault()
            : null;
        return versioned ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): run tests/scripts/install-test-deps.sh, which installs Debian's postgresql.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
