using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Gateway.Node;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// Solo mining end to end: simulated scrypt devices over mosquitto → the gateway with the node upstream → a real
/// litecoind in regtest (the node branch's fixture). Blocks are accepted and their coinbase pays the configured address.
/// </summary>
[Collection(LitecoindCollection.Name)]
public sealed class GatewayLitecoindTests(LitecoindRegtest regtest)
{
    [Fact]
    public async Task Devices_find_blocks_the_node_accepts_and_the_coinbase_pays_the_configured_address()
    {
        await using GatewayTestBed bed = await GatewayTestBed.StartAsync();
        string payout = (await regtest.First.CallAsync("getnewaddress")).GetString()!;
        long before = await regtest.First.BlockCountAsync();
        RunningGateway gateway = await bed.StartGatewayAsync(0,
            ("gateway:upstream", "node"),
            ("gateway:node:rpcUrl", regtest.First.RpcUrl.ToString()),
            ("gateway:node:rpcUser", LitecoindNode.RpcUser),
            ("gateway:node:rpcPassword", LitecoindNode.RpcPassword),
            ("gateway:node:coin", "litecoin"),
            ("gateway:node:payoutAddress", payout),
            ("gateway:node:pollIntervalSeconds", "0.2"),
            // Device shares a little harder than regtest's network target (about 3e-5 in scrypt pool units): every
            // share is a block, found in a few scrypt hashes.
            ("gateway:minDifficulty", "0.0001"),
            ("gateway:maxDifficulty", "0.0001"));
        SimulatedDevice[] devices = await bed.DevicesAsync(3, "ltc");

        foreach (SimulatedDevice device in devices)
        {
            // One device at a time: each block moves the node on and makes the other devices' jobs stale.
            int seen = device.Jobs.Count;
            await device.RequestWorkAsync("scrypt");
            DeviceJob job = await device.WaitForJobAsync(seen, j => j.Algorithm == "scrypt");
            uint nonce = SimulatedDevice.FindNonces(job, 1, budget: 10_000)[0];
            await device.SendShareAsync(new DeviceShare(job.JobId, nonce));
            DeviceVerdict verdict = await device.WaitForVerdictAsync(job.JobId, nonce, seconds: 30);
            Assert.True(verdict.Code == DeviceVerdictCode.BlockFound, $"{verdict.Code}: {verdict.Reason}");
            await LitecoindRegtest.WaitUntilAsync(async () => await regtest.First.BlockCountAsync() > before + Array.IndexOf(devices, device), "the block on the node");
        }

        Assert.Equal(before + devices.Length, await regtest.First.BlockCountAsync());
        string best = await regtest.First.BestBlockHashAsync();
        JsonElement block = await regtest.First.CallAsync("getblock", best, 2);
        JsonElement coinbase = block.GetProperty("tx")[0];
        // litecoind (0.21) lists an output's addresses in "addresses"; newer nodes say "address".
        Assert.Contains(coinbase.GetProperty("vout").EnumerateArray(), o => PaysTo(o.GetProperty("scriptPubKey"), payout));
        Assert.Equal(devices.Length, (int)gateway.Instance.Upstream.Blocks);
        Assert.Equal((long)devices.Length, (await gateway.TotalsAsync()).Shares);
    }

    static bool PaysTo(JsonElement script, string address) =>
        (script.TryGetProperty("address", out JsonElement one) && one.GetString() == address)
        || (script.TryGetProperty("addresses", out JsonElement many) && many.EnumerateArray().Any(a => a.GetString() == address));
}
