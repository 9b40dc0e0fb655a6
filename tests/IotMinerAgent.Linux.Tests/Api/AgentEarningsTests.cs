using System;
using System.IO;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>The earnings the API and dashboard show: a known zero for demo work, live figures or the missing input otherwise.</summary>
public sealed class AgentEarningsTests : IDisposable
{
    // nBits 0x1d00ffff is difficulty 1 (the Bitcoin genesis target).
    private const uint DifficultyOne = 0x1d00ffff;

    private readonly string _state = Directory.CreateTempSubdirectory("iotminer-earnings-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public void Demo_work_earns_a_known_nothing()
    {
        EarningsEntry entry = ApiServices.Earnings(Setup(), Rate(1e6, 100, null, null));

        Assert.Equal(0, entry.PerDay);
        Assert.Contains("demo", entry.Source);
    }

    [Fact]
    public void Duino_work_is_not_demo_work_and_names_what_is_missing()
    {
        AgentSetup setup = Setup("--mining:algorithm=duco-s1", "--duino:username=someone", "--duino:pool=127.0.0.1:2811");

        EarningsEntry entry = ApiServices.Earnings(setup, Rate(1e6, 100, null, null));

        Assert.Null(entry.PerDay);
        Assert.Contains("energy:blockReward", entry.Source);
    }

    [Fact]
    public void Pool_work_earns_from_the_full_duty_rate_the_jobs_difficulty_and_the_reward()
    {
        AgentSetup setup = Setup("--stratum:pools:0:url=stratum+tcp://pool.example.org:3333", "--stratum:pools:0:user=payout");

        // 2^32 / 86400 H/s measured at 50 % duty is 2^33 / 86400 H/s at full duty: 2^33 hashes a day at difficulty 1
        // (2^32 hashes per block on average) is 2 blocks a day, × 5 coins = 10 coins a day.
        EarningsEntry entry = ApiServices.Earnings(setup, Rate(4294967296.0 / 86400, 50, DifficultyOne, 5));

        Assert.Equal(10, entry.PerDay!.Value, 9);
        Assert.Equal("coins", entry.Unit);
    }

    private static LiveEarningsRate Rate(double hashesPerSecond, int duty, uint? bits, double? reward)
        => new(() => hashesPerSecond, () => duty, () => bits, reward);

    private AgentSetup Setup(params string[] overrides)
    {
        string config = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(config, "{}");
        return AgentSetup.Load(config, [$"--stateDirectory={_state}", .. overrides], _state);
    }
}
