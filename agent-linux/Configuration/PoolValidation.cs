using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Configuration;

/// <summary>Checks the <c>pools</c> list: each failure names the entry's key, its value and what is allowed.</summary>
public static class PoolValidation
{
    /// <summary>The URL schemes a pool may use (shared/REFERENCE.md, Stratum V1 §1).</summary>
    public static readonly string[] Schemes = ["stratum+tcp", "stratum+ssl", "stratum+tcps"];

    /// <summary>Returns one message per problem; empty when the list is usable.</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<PoolOptions> pools)
    {
        for (int i = 0; i < pools.Count; i++)
        {
            PoolOptions pool = pools[i];
            if (!Uri.TryCreate(pool.Url, UriKind.Absolute, out Uri? uri) || Array.IndexOf(Schemes, uri.Scheme) < 0)
            {
                yield return $"pools:{i}:url = '{pool.Url}' is not a pool address: use stratum+tcp://host:port or stratum+ssl://host:port.";
            }
            else if (uri.IsDefaultPort || uri.Port is < 1 or > 65535)
            {
                yield return $"pools:{i}:url = '{pool.Url}' has no port: add it, e.g. stratum+tcp://{uri.Host}:3333.";
            }

            if (string.IsNullOrWhiteSpace(pool.User))
            {
                yield return $"pools:{i}:user is empty: set the pool user (usually your payout address or account, e.g. \"bc1q….rig1\").";
            }
        }
    }
}
