using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Tests.Mqtt;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>
/// One real litecoind in regtest mode on 127.0.0.1 with free ports and a temporary datadir, logging in with a password
/// or with its cookie file. Killed and its datadir deleted on dispose.
/// </summary>
public sealed class LitecoindNode : IDisposable
{
    public const string Executable = "/usr/bin/litecoind";
    public const string RpcUser = "iotminer-test";
    public const string RpcPassword = "regtest-password";

    readonly Process _process;
    readonly StringBuilder _output = new();

    LitecoindNode(string dataDirectory, int rpcPort, int p2pPort, bool cookie, Process process)
    {
        DataDirectory = dataDirectory;
        RpcPort = rpcPort;
        P2pPort = p2pPort;
        UsesCookie = cookie;
        _process = process;
        Rpc = new NodeRpcClient(RpcUrl, Credentials, TimeSpan.FromSeconds(30));
    }

    public string DataDirectory { get; }

    public int RpcPort { get; }

    public int P2pPort { get; }

    public bool UsesCookie { get; }

    public Uri RpcUrl => new($"http://127.0.0.1:{RpcPort}/");

    /// <summary>Regtest writes its cookie under the chain's subdirectory.</summary>
    public string CookieFile => Path.Combine(DataDirectory, "regtest", ".cookie");

    public NodeRpcCredentials Credentials => UsesCookie ? NodeRpcCredentials.FromCookieFile(CookieFile) : NodeRpcCredentials.FromPassword(RpcUser, RpcPassword);

    public NodeRpcClient Rpc { get; }

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

    public static async Task<LitecoindNode> StartAsync(bool cookie)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run tests/scripts/install-test-deps.sh (apt-get install litecoind).");
        }

        string directory = Directory.CreateTempSubdirectory("iotminer-litecoind-").FullName;
        int rpcPort = MosquittoBroker.FreePort();
        int p2pPort = MosquittoBroker.FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-regtest", $"-datadir={directory}", "-server", "-printtoconsole", "-listen", "-bind=127.0.0.1",
            $"-port={p2pPort}", $"-rpcport={rpcPort}", "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1", "-fallbackfee=0.0001",
            "-dnsseed=0", "-discover=0", "-debug=0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (!cookie)
        {
            start.ArgumentList.Add($"-rpcuser={RpcUser}");
            start.ArgumentList.Add($"-rpcpassword={RpcPassword}");
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("litecoind did not start");
        var node = new LitecoindNode(directory, rpcPort, p2pPort, cookie, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilReadyAsync();
        return node;
    }

    public Task<JsonElement> CallAsync(string method, params JsonNode?[] parameters) =>
        Rpc.CallAsync(method, new JsonArray(parameters), CancellationToken.None);

    public async Task<long> BlockCountAsync() => (await CallAsync("getblockcount")).GetInt64();

    public async Task<string> BestBlockHashAsync() => (await CallAsync("getbestblockhash")).GetString()!;

    public void Dispose()
    {
        Rpc.Dispose();
        try
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"litecoind exited with {_process.ExitCode} at start; its output:\n{Log}");
            }

            try
            {
                await CallAsync("getblockcount");
                return;
            }
            catch (NodeRpcException e) when (DateTime.UtcNow < deadline && (e.IsTransient || e.Failure == NodeRpcFailure.Unreachable))
            {
                await Task.Delay(100);
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
}
