using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Configuration;
using IotMinerAgent.Linux.Configuration.Keys;
using IotMinerAgent.Linux.Gateway.Hosting;
using IotMinerAgent.Linux.Tests.Cli;
using IotMinerAgent.Linux.Tests.Docs;

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// Every key docs/configuration.md documents (read from the document, so a new key is covered without touching this
/// test) gets a wrong value, written in upper case; the error must name the key as the document spells it.
/// </summary>
public sealed class DocumentedKeyTests : IDisposable
{
    const string PoolUrl = "stratum+tcp://127.0.0.1:3333";
    const string PoolUser = "bc1qpayout.rig";

    // "abc" is wrong for every number, boolean, duration and choice; these keys take text where "abc" is right.
    static readonly Dictionary<string, string> WrongValues = new(StringComparer.Ordinal)
    {
        ["stateDirectory"] = "<a file>",
        ["stratum:pools:0:user"] = "",
        ["stratum:pools:0:tlsCaFile"] = "/nonexistent/ca.pem",
        ["gateway:stratum:pools:0:user"] = "",
        ["gateway:stratum:pools:0:tlsCaFile"] = "/nonexistent/ca.pem",
        ["mqtt:host"] = "bad host!",
        ["mqtt:deviceId"] = "a/b",
        ["mqtt:discoveryPrefix"] = "a/b",
        ["gateway:group"] = "a/b",
        ["gateway:ledger:sqlitePath"] = "/",
        ["gateway:node:rpcUser"] = "someone",
        ["gateway:node:rpcPassword"] = "secret",
        ["gateway:node:rpcCookieFile"] = "relative/.cookie",
        ["energy:priceTopic"] = "home/+/price",
        ["energy:coinPriceTopic"] = "home/#",
        ["energy:surplusTopic"] = "home/+/export",
        ["energy:powerTopic"] = "plug/#",
        ["energy:currency"] = "much-too-long",
        ["duino:username"] = "a,b",
        ["duino:miningKey"] = "a,b",
        ["duino:rigId"] = "a,b",
    };

    readonly string _dir = Directory.CreateTempSubdirectory("iotminer-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every documented key that has a wrong value (free text has none).</summary>
    public static TheoryData<string> KeysWithWrongValues()
    {
        var data = new TheoryData<string>();
        foreach (string key in WithWrongValues())
        {
            data.Add(key);
        }

        return data;
    }

    static IEnumerable<string> WithWrongValues() => ConfigurationDoc.Keys.Select(Concrete).Where(k => !IsFreeText(k) || WrongValues.ContainsKey(k));

    [Theory]
    [MemberData(nameof(KeysWithWrongValues))]
    public void A_wrong_value_is_reported_naming_the_key_as_documented(string key)
    {
        string wrong = WrongValues.TryGetValue(key, out string? value) ? value : "abc";
        if (wrong == "<a file>")
        {
            wrong = Path.Combine(_dir, "a-file");
            File.WriteAllText(wrong, "");
        }

        string message = ErrorOf([.. Prerequisites(key), $"--{key.ToUpperInvariant()}={wrong}"], key);

        Assert.Matches(Regex.Escape(key) + "(?![A-Za-z0-9_])", message);
    }

    [Theory]
    [InlineData("mining:threads")]
    [InlineData("gateway:stratum:connectTimeout")]
    [InlineData("gateway:node:coin")]
    [InlineData("duino:pool")]
    public void The_prerequisites_alone_are_valid(string key)
    {
        // Otherwise a wrong value's message could name the key only because of a prerequisite's mistake.
        Assert.Equal("", ErrorOf(Prerequisites(key), key));
    }

    [Fact]
    public void The_keys_the_agent_knows_are_exactly_the_documented_ones()
    {
        Assert.Equal(ConfigurationDoc.Keys.Order(StringComparer.Ordinal), KnownKeys.All.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_keys_documented_as_free_text_go_without_a_wrong_value()
    {
        // Guards the theory's filter: a documented key is skipped only when the document says any text is allowed.
        string[] skipped = [.. ConfigurationDoc.Keys.Select(Concrete).Except(WithWrongValues())];
        Assert.NotEmpty(skipped);
        Assert.All(skipped, key => Assert.True(IsFreeText(key), key));
    }

    [Theory]
    [InlineData("mining:threads", "abc", "mining:threads = 'abc' is invalid; allowed: 0 (one per core) or a whole number from 1 to")]
    [InlineData("stratum:connectTimeout", "soon", "stratum:connectTimeout = 'soon' is invalid; allowed: a duration above zero")]
    [InlineData("governor:idleOnly", "maybe", "governor:idleOnly = 'maybe' is invalid; allowed: true or false")]
    [InlineData("Governor:TargetTemperatureC", "hot", "governor:targetTemperatureC = 'hot' is invalid; allowed: °C from 30 to 95")]
    [InlineData("consent", "perhaps", "consent = 'perhaps' is invalid; allowed: true or false")]
    public void The_real_command_exits_78_naming_key_value_and_what_is_allowed(string key, string value, string expected)
    {
        CliRun run = CliRun.Of("run", "--config", EmptyConfig(), $"--stateDirectory={_dir}", "--consent=true", $"--{key}={value}");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("iotminer run: " + expected, run.Error);
        Assert.DoesNotContain("Int32", run.Error);
    }

    string ErrorOf(string[] overrides, string key)
    {
        string config = EmptyConfig();
        try
        {
            if (key.StartsWith("gateway:", StringComparison.Ordinal))
            {
                GatewaySetup.Load(config, overrides, _dir);
            }
            else
            {
                AgentSetup.Load(config, overrides, _dir);
            }

            return "";
        }
        catch (ConfigurationException ex)
        {
            return ex.Message;
        }
    }

    string[] Prerequisites(string key)
    {
        var settings = new List<string> { $"--stateDirectory={_dir}", "--consent=true" };
        if (key.StartsWith("stratum:", StringComparison.Ordinal))
        {
            // Most stratum settings are checked once a pool is configured.
            settings.AddRange([$"--stratum:pools:0:url={PoolUrl}", $"--stratum:pools:0:user={PoolUser}"]);
        }
        else if (key.StartsWith("duino:", StringComparison.Ordinal))
        {
            // The duino section is checked when the agent mines Duino-Coin; the picker only when no node is given.
            settings.AddRange(["--mining:algorithm=duco-s1", "--duino:username=someone"]);
            if (key != "duino:poolPickerUrl")
            {
                settings.Add("--duino:pool=127.0.0.1:2811");
            }
        }
        else if (key.StartsWith("gateway:node:", StringComparison.Ordinal))
        {
            settings.AddRange(["--mqtt:host=127.0.0.1", "--gateway:upstream=node", "--gateway:node:rpcUrl=http://127.0.0.1:19443",
                "--gateway:node:rpcCookieFile=/var/lib/litecoind/.cookie", "--gateway:node:coin=litecoin",
                "--gateway:node:payoutAddress=rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs3"]);
        }
        else if (key.StartsWith("gateway:", StringComparison.Ordinal))
        {
            settings.AddRange(["--mqtt:host=127.0.0.1", $"--gateway:stratum:pools:0:url={PoolUrl}", $"--gateway:stratum:pools:0:user={PoolUser}"]);
        }

        return [.. settings];
    }

    string EmptyConfig()
    {
        string path = Path.Combine(_dir, "iotminer.json");
        File.WriteAllText(path, "{}");
        return path;
    }

    static string Concrete(string documented) => documented.Replace(":N:", ":0:", StringComparison.Ordinal);

    static bool IsFreeText(string key)
    {
        string documented = key.Replace(":0:", ":N:", StringComparison.Ordinal);
        return ConfigurationDoc.FreeText.Contains(documented) ||
            (documented.StartsWith("gateway:stratum:", StringComparison.Ordinal) && ConfigurationDoc.FreeText.Contains(documented["gateway:".Length..]));
    }
}
