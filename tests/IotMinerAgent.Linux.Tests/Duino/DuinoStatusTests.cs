using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Duino;

/// <summary>The status line (terminal, systemctl status) of an agent mining Duino-Coin.</summary>
public sealed class DuinoStatusTests
{
    [Fact]
    public void The_line_shows_the_node_the_counters_the_algorithm_and_the_tier()
    {
        var status = new AgentStatus
        {
            State = AgentState.Mining, Version = "0.1.0", HashrateHs = 2_500_000, Accepted = 12, Rejected = 3,
            Algo = "duco-s1", Pool = "192.168.1.10:2811", Tier = "MEDIUM", DutyPercent = 100, Threads = 2,
        };

        Assert.Equal("mining · 2.5 MH/s · duty 100 % · 2 threads · 12 accepted · 3 rejected · pool 192.168.1.10:2811 · duco-s1 tier MEDIUM", StatusText.OneLine(status));
    }

    [Fact]
    public void A_pool_without_tiers_keeps_its_line()
    {
        var status = new AgentStatus { State = AgentState.Mining, Version = "0.1.0", Algo = "sha256d", Pool = "stratum+tcp://pool.example:3333", DutyPercent = 100 };

        Assert.DoesNotContain("tier", StatusText.OneLine(status));
    }
}
