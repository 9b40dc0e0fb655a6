using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>
/// A real mosquitto on 127.0.0.1 with a free port and a temporary config; stop (SIGTERM, so it saves its
/// persistence file) and start again on the same port. Installs mosquitto with apt-get when missing and fails
/// with a clear message when it cannot: the MQTT tests never skip silently.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    const string Executable = "/usr/sbin/mosquitto";
    static readonly SemaphoreSlim s_install = new(1, 1);

    readonly string _directory;
    readonly string _configPath;
    readonly StringBuilder _output = new();
    Process? _process;

    MosquittoBroker(string directory, int port)
    {
        _directory = directory;
        Port = port;
        _configPath = Path.Combine(directory, "mosquitto.conf");
    }

    /// <summary>The port it listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>The temporary directory (config, certificates, persistence).</summary>
    public string Directory => _directory;

    /// <summary>Everything mosquitto logged so far (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a broker; <paramref name="extraConfig"/> is appended to the listener block (TLS settings).</summary>
    public static async Task<MosquittoBroker> StartAsync(Func<string, string>? extraConfig = null)
    {
        await EnsureInstalledAsync();
        string directory = System.IO.Directory.CreateTempSubdirectory("iotminer-mosquitto-").FullName;
        var broker = new MosquittoBroker(directory, FreePort());
        string extra = extraConfig?.Invoke(directory) ?? "";
        File.WriteAllText(broker._configPath, $"""
            per_listener_settings false
            allow_anonymous true
            persistence true
            persistence_location {directory}/
            autosave_interval 0
            log_dest stdout
            log_type error
            log_type warning
            log_type notice
            log_type information
            listener {broker.Port} 127.0.0.1
            {extra}
            """);
        GiveToMosquittoUser(directory);
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>Starts mosquitto (again) on the same port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Executable, ["-c", _configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode} at start; its log:\n{Log}");
            }

            if (await AcceptsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"mosquitto did not listen on 127.0.0.1:{Port} within 10 s; its log:\n{Log}");
    }

    /// <summary>Stops mosquitto with SIGTERM (it writes its persistence file) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _ = kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Kill();
            try
            {
                System.IO.Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port free on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        await s_install.WaitAsync();
        try
        {
            if (File.Exists(Executable))
            {
                return;
            }

            string log = await RunAsync("apt-get", "install -y -q mosquitto mosquitto-clients");
            if (!File.Exists(Executable))
            {
                log += await RunAsync("sh", "-c \"apt-get update -q && apt-get install -y -q mosquitto mosquitto-clients\"");
            }

            if (!File.Exists(Executable))
            {
                throw new InvalidOperationException(
                    $"the MQTT tests need a real mosquitto at {Executable} and it could not be installed; run as root: apt-get install -y mosquitto mosquitto-clients (or tests/scripts/install-test-deps.sh). apt-get said:\n{log}");
            }
        }
        finally
        {
            s_install.Release();
        }
    }

    static async Task<string> RunAsync(string file, string arguments)
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            string output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"{file}: {exception.Message}\n";
        }
    }

    // mosquitto started as root drops to user "mosquitto": it must be able to read the config and certificates
    // and write its persistence file in the temporary directory.
    static void GiveToMosquittoUser(string directory)
    {
        if (Environment.UserName != "root")
        {
            return;
        }

        using Process chown = Process.Start(new ProcessStartInfo("chown", ["-R", "mosquitto:mosquitto", directory]) { RedirectStandardError = true })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R mosquitto {directory} failed: {chown.StandardError.ReadToEnd()}");
        }
    }

    const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
