using System.Collections;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Tests.Peers;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// The engine choice at start (SliceEngineChoice): the native kernels when the image has them and they pass the
/// self-test, the managed engine otherwise, and the status says which.
/// </summary>
public sealed class HashEngineTests
{
    [Fact]
    public void Without_native_engines_the_managed_engine_hashes()
    {
        Assert.Equal("scalar", SliceEngineChoice.Pick(null, out string rejected).Name);
        Assert.Equal(string.Empty, rejected);
        Assert.IsType<ManagedSliceEngine>(SliceEngineChoice.Pick([], out _));
    }

    [Fact]
    public void A_native_engine_missing_from_the_image_is_tried_once_and_the_managed_engine_hashes()
    {
        var missing = new MissingNativeEngine("native-esp32-sha");

        ISliceHashEngine picked = SliceEngineChoice.Pick([missing], out string rejected);

        Assert.IsType<ManagedSliceEngine>(picked);
        Assert.Equal(1, missing.Calls);
        Assert.Contains("native-esp32-sha: NotImplementedException", rejected);
    }

    [Fact]
    public void A_native_engine_with_wrong_answers_is_refused_and_the_next_candidate_is_taken()
    {
        ISliceHashEngine picked = SliceEngineChoice.Pick(
            [new EveryNonceEngine("native-esp32-sha"), new RenamedManagedEngine("native-soft")], out string rejected);

        Assert.Equal("native-soft", picked.Name);
        Assert.Equal("native-esp32-sha: found 17 hits around the genesis nonce instead of exactly 2083236893", rejected);
    }

    [Fact]
    public void Duino_slices_keep_only_the_hits_sha1_confirms()
    {
        // The solution is the nonce whose decimal text appended to the last hash has the expected SHA-1: here 1234,
        // computed with .NET's SHA-1 (independent of the portable code under test).
        const string LastHash = "0123456789abcdef0123456789abcdef01234567";
        byte[] expected = System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.ASCII.GetBytes(LastHash + "1234"));
        DucoWork work = new(LastHash, expected, 20);
        SliceScanner lying = new(new EveryNonceEngine("native-soft"));
        SliceScanner managed = new(new ManagedSliceEngine());
        NonceHits fromLying = new();
        NonceHits fromManaged = new();

        lying.ScanDucoS1(work, 1200, 100, fromLying);
        managed.ScanDucoS1(work, 1200, 100, fromManaged);

        Assert.Equal([1234u], fromLying.ToArray());
        Assert.Equal(99, lying.Unconfirmed);
        Assert.Equal([1234u], fromManaged.ToArray());
        Assert.Equal(0, managed.Unconfirmed);
    }

    [Fact]
    public void The_self_test_job_is_the_genesis_block_and_the_managed_engine_finds_only_its_nonce()
    {
        DeviceJob genesis = SliceEngineChoice.GenesisJob();
        NonceHits hits = new();

        new ManagedSliceEngine().ScanSha256d(genesis, 2083236893 - 1000, 2001, hits);

        Assert.Equal([2083236893u], hits.ToArray());
        Assert.Equal(string.Empty, SliceEngineChoice.SelfTest(new ManagedSliceEngine(), genesis));
    }

    [Fact]
    public void A_hit_the_engine_reports_but_the_managed_hasher_does_not_confirm_never_becomes_a_share()
    {
        DeviceJob genesis = SliceEngineChoice.GenesisJob();
        var scanner = new SliceScanner(new EveryNonceEngine("native-soft"));
        ArrayList found = [];

        scanner.Scan(genesis, 2083236893 - 2, 5, found);

        FoundShare share = Assert.IsType<FoundShare>(Assert.Single(found));
        Assert.Equal(2083236893u, share.Nonce);
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", Hex.EncodeReversed(share.Hash));
        Assert.Equal(4, scanner.Unconfirmed);
    }

    [Fact]
    public async Task Virtual_esp32s_report_the_engine_they_hash_with_and_have_shares_accepted_either_way()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestGateway gateway = await TestGateway.StartAsync(broker.Port);
        await using MqttRecorder owner = await MqttRecorder.StartAsync(broker.Port);
        using VirtualDevice stock = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-stock",
            HashEngines = [new MissingNativeEngine("native-esp32-sha"), new MissingNativeEngine("native-soft")],
        }).Start();
        using VirtualDevice custom = VirtualDevice.Create(new VirtualEsp32Options
        {
            BrokerPort = broker.Port,
            DeviceId = "esp32-custom",
            HashEngines = [new RenamedManagedEngine("native-esp32-sha")],
        }).Start();

        await Eventually.True(() => stock.Status.Accepted >= 2 && custom.Status.Accepted >= 2, 20,
            () => $"stock: {stock.Status.State} accepted {stock.Status.Accepted}; custom: {custom.Status.State} accepted {custom.Status.Accepted}");
        await Eventually.True(() => owner.On("iotminer/esp32-stock/status").Count > 0 && owner.On("iotminer/esp32-custom/status").Count > 0, 5, () => "no status");

        Assert.Equal("scalar", owner.On("iotminer/esp32-stock/status").Last().Json().GetProperty("engine").GetString());
        Assert.Equal("native-esp32-sha", owner.On("iotminer/esp32-custom/status").Last().Json().GetProperty("engine").GetString());
        Assert.Contains("native-soft: NotImplementedException", stock.Status.EngineRejections);
        Assert.Equal(string.Empty, custom.Status.EngineRejections);
        Assert.Empty(gateway.Problems);
    }
}
