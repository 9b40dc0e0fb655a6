using System.Collections.Generic;
using System.Linq;
using System.Text;
using IotMinerAgent.Linux.Duino;
using IotMinerAgent.Linux.Stratum;

namespace IotMinerAgent.Linux.Agent;

/// <summary>What the agent will do, in the owner's terms: shown before consent and by <c>iotminer consent</c>.</summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Threads">Worker threads at full duty.</param>
/// <param name="Engine">The hashing engine.</param>
/// <param name="Pools">The pools (URL and user, which is where the payout goes), or empty for the demo.</param>
/// <param name="Power">The power estimate.</param>
public sealed record MiningPlan(string Algorithm, int Threads, string Engine, IReadOnlyList<StratumPoolOptions> Pools, PowerEstimate Power)
{
    /// <summary>What consent is given to: pool URLs, payout users and algorithm. Changing any asks again.</summary>
    public string ConsentKey => string.Join('\n', new[] { Algorithm }.Concat(Pools.Select(p => $"{p.Url} {p.User}"))
        .Concat(Duino is null ? [] : [$"duino {DuinoPool(Duino)} {Duino.Username}"]));

    /// <summary>The Duino-Coin account and node when the algorithm is duco-s1, else null.</summary>
    public DuinoClientOptions? Duino { get; init; }

    /// <summary>The summary shown to the owner.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"  algorithm      {Algorithm}, engine {Engine}");
        text.AppendLine($"  threads        {Threads} (lowest CPU priority; throttled on temperature and when the device is busy)");
        text.AppendLine($"  expected power {Power.Describe(Threads)}");
        if (Duino is not null)
        {
            text.AppendLine($"  pool           Duino-Coin node {DuinoPool(Duino)}");
            text.AppendLine($"  payout (user)  {Duino.Username} (Duino-Coin account)");
        }
        else if (Pools.Count == 0)
        {
            text.AppendLine("  pool           none: local demo work (demo — not earning), nothing is sent anywhere");
        }

        foreach (StratumPoolOptions pool in Pools)
        {
            text.AppendLine($"  pool           {pool.Url}");
            text.AppendLine($"  payout (user)  {pool.User}");
        }

        return text.ToString().TrimEnd();
    }

    private static string DuinoPool(DuinoClientOptions duino) => duino.Pool.Length > 0 ? duino.Pool : "chosen by " + duino.PoolPickerUrl;
}
