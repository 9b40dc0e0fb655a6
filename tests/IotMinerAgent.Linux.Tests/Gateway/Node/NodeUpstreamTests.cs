using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.Linux.Tests.Stratum;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class NodeUpstreamTests
{
    [Fact]
    public async Task While_the_node_is_down_it_keeps_trying_and_logs_why_once()
    {
        var log = new CapturingLogger();
        var options = new NodeUpstreamOptions
        {
            RpcUrl = $"http://127.0.0.1:{MosquittoBroker.FreePort()}",
            RpcUser = "u",
            RpcPassword = "p",
            PayoutAddress = "rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs3",
            Coin = "litecoin",
            PollIntervalSeconds = 0.1,
        };
        using var upstream = new NodeUpstream(options, log);
        using var stop = new CancellationTokenSource();
        int templates = 0;

        Task run = upstream.RunAsync((_, _) => { templates++; return ValueTask.CompletedTask; }, stop.Token);
        await LitecoindRegtest.WaitUntilAsync(() => Task.FromResult(log.AtLeast(LogLevel.Warning).Any()), "a warning", seconds: 10);
        await Task.Delay(300);

        Assert.False(run.IsCompleted);
        Assert.Equal(0, templates);
        string warning = Assert.Single(log.AtLeast(LogLevel.Warning));
        Assert.Contains("unreachable", warning);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
