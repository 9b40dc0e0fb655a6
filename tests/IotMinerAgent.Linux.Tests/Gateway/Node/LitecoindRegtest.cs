using System;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>
/// Two litecoind regtest nodes connected on loopback (getblocktemplate refuses to work without a peer), the first
/// logging in with a password and holding a wallet whose coins have matured, the second with its cookie file. Shared
/// by every node test; the chain stays far below height 432, where regtest activates MWEB (Litecoin Core's regtest chain parameters).
/// </summary>
public sealed class LitecoindRegtest : IAsyncLifetime
{
    /// <summary>Coinbase outputs mature after 100 blocks (COINBASE_MATURITY); one more makes the first spendable.</summary>
    const int InitialBlocks = 101;

    /// <summary>Regtest MWEB activation (BIP 9 with 144-block windows: started at 144, locked in at 288, active at 432).</summary>
    public const int MwebActivationHeight = 432;

    LitecoindNode? _first;
    LitecoindNode? _second;

    /// <summary>The node with the wallet, logging in with <see cref="LitecoindNode.RpcUser"/>/<see cref="LitecoindNode.RpcPassword"/>.</summary>
    public LitecoindNode First => _first ?? throw new InvalidOperationException("not started");

    /// <summary>The peer, logging in with its cookie file.</summary>
    public LitecoindNode Second => _second ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    async Task StartAsync()
    {
        Task<LitecoindNode> first = LitecoindNode.StartAsync(cookie: false);
        Task<LitecoindNode> second = LitecoindNode.StartAsync(cookie: true);
        try
        {
            _first = await first;
        }
        finally
        {
            _second = await second;
        }

        await First.CallAsync("addnode", $"127.0.0.1:{Second.P2pPort}", "add");
        await WaitUntilAsync(async () => (await First.CallAsync("getconnectioncount")).GetInt32() > 0, "the two nodes to connect");
        await First.CallAsync("createwallet", "miner");
        string address = (await First.CallAsync("getnewaddress")).GetString()!;
        await First.CallAsync("generatetoaddress", InitialBlocks, address);
        await WaitUntilAsync(async () => await Second.BlockCountAsync() == InitialBlocks, "the second node to sync");
    }

    public Task DisposeAsync()
    {
        _first?.Dispose();
        _second?.Dispose();
        return Task.CompletedTask;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LitecoindCollection : ICollectionFixture<LitecoindRegtest>
{
    public const string Name = "litecoind regtest";
}
