using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.Duino;
using IotMinerAgent.Linux.Duino.Transport;

namespace IotMinerAgent.Linux.Duino;

/// <summary>The <c>duino</c> section (docs/configuration.md): the account, the node and the start-difficulty tier.</summary>
public sealed class DuinoClientOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "duino";

    /// <summary>The official node picker (github.com/revoxhere/duino-coin, PC_Miner.py).</summary>
    public const string DefaultPoolPickerUrl = "https://server.duinocoin.com/getPool";

    /// <summary>The Duino-Coin account the shares are credited to (the payout).</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The account's mining key, if it has one; never logged.</summary>
    public string MiningKey { get; set; } = string.Empty;

    /// <summary>The node, <c>host:port</c>; empty asks <see cref="PoolPickerUrl"/>.</summary>
    public string Pool { get; set; } = string.Empty;

    /// <summary>The node picker asked when <see cref="Pool"/> is empty.</summary>
    public string PoolPickerUrl { get; set; } = DefaultPoolPickerUrl;

    /// <summary>The start-difficulty tier; empty picks one from the measured hash rate.</summary>
    public string Difficulty { get; set; } = string.Empty;

    /// <summary>The rig name the pool shows; empty uses the device id.</summary>
    public string RigId { get; set; } = string.Empty;

    /// <summary>Problems, each naming the key, the value and what is allowed; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(Username))
        {
            failures.Add("duino:username is required when mining:algorithm = duco-s1: set it to your Duino-Coin account name (the payout), e.g. --duino:username=NAME.");
        }
        else if (!IsField(Username))
        {
            failures.Add($"duino:username = '{Username}' is not allowed: at most 64 characters, no comma, space or line break.");
        }

        if (MiningKey.Length > 0 && !IsField(MiningKey))
        {
            // The key itself is never repeated, not even in an error.
            failures.Add("duino:miningKey is not allowed: at most 64 characters, no comma, space or line break.");
        }

        if (Pool.Length > 0 && !DuinoEndpoint.TryParse(Pool, out _))
        {
            failures.Add($"duino:pool = '{Pool}' is not host:port: write e.g. 192.168.1.10:2811, or leave it empty to ask duino:poolPickerUrl.");
        }

        if (Pool.Length == 0 && !(Uri.TryCreate(PoolPickerUrl, UriKind.Absolute, out Uri? picker) && picker.Scheme is "http" or "https"))
        {
            failures.Add($"duino:poolPickerUrl = '{PoolPickerUrl}' is not an http(s) URL: use {DefaultPoolPickerUrl}, or set duino:pool.");
        }

        if (Difficulty.Length > 0 && !DuinoTiers.TryFind(Difficulty, out _))
        {
            failures.Add($"duino:difficulty = '{Difficulty}' is not a tier: use one of {DuinoTiers.Names()}, or leave it empty to choose from the measured hash rate.");
        }

        if (RigId.Length > 0 && !IsField(RigId, allowSpace: true))
        {
            failures.Add($"duino:rigId = '{RigId}' is not allowed: at most 64 characters, no comma or line break.");
        }

        return failures;
    }

    private static bool IsField(string value, bool allowSpace = false) =>
        value.Length <= 64 && !value.Any(c => c is ',' or '\n' or '\r' || char.IsControl(c) || (!allowSpace && char.IsWhiteSpace(c)));
}
