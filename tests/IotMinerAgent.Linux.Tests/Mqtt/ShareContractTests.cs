using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Tests.Agent;
using IotMinerAgent.Linux.Tests.Docs;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>
/// docs/mqtt.md's <c>share</c> table against a share the real agent found, submitted to a pool and published through a
/// real mosquitto: every documented field is checked (a field added to the table without a check here fails), each
/// against an independent source (the pool's record of the submit, the test's own clock and hash arithmetic).
/// </summary>
[Collection(RealMiningCollection.Name)]
public sealed partial class ShareContractTests : IDisposable
{
    const string DeviceId = "contract-share";

    readonly string _state = Directory.CreateTempSubdirectory("iotminer-sharecontract-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    /// <summary>The fields of a section's table in docs/mqtt.md, with their documented type.</summary>
    internal static IReadOnlyDictionary<string, string> DocumentedFields(string section)
    {
        Match body = Regex.Match(MqttDoc.Text, $@"^## {section}\n(.*?)(?=^## )", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(body.Success, $"docs/mqtt.md has no '## {section}' section");
        var fields = new Dictionary<string, string>();
        foreach (Match row in TableRow().Matches(body.Groups[1].Value))
        {
            foreach (Match name in Regex.Matches(row.Groups[1].Value, "`([a-z0-9_]+)`"))
            {
                fields.Add(name.Groups[1].Value, row.Groups[2].Value.Trim());
            }
        }

        return fields;
    }

    [Fact]
    public void The_share_table_is_read_whole()
    {
        Assert.Equal(ContractMessageTests.ShareKeys.Order(), DocumentedFields("share").Keys.Order());
    }

    [Fact]
    public async Task A_published_share_has_every_documented_field_with_its_documented_type_and_value()
    {
        const double poolDifficulty = 0.0002;
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using TestSubscriber subscriber = await TestSubscriber.ConnectAsync(broker.Port, [$"iotminer/{DeviceId}/share"]);
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = poolDifficulty });
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var error = new StringWriter();
        Task<int> agent = AgentHost.RunAsync(EmptyConfig(),
            ["--consent=true", $"--stateDirectory={_state}", "--mining:threads=1", "--governor:idleOnly=false", "--governor:noSensorDutyPercent=100",
             $"--stratum:pools:0:url={pool.Url}", "--stratum:pools:0:user=bc1qcontract.rig1",
             "--mqtt:host=127.0.0.1", $"--mqtt:port={broker.Port}", $"--mqtt:deviceId={DeviceId}", "--mqtt:homeAssistant=false"],
            TextWriter.Null, error, stop.Token);

        Received message;
        try
        {
            message = await subscriber.WaitForAsync(m => m.Json.GetProperty("result").ValueKind == JsonValueKind.String, "a share with the pool's answer", seconds: 90);
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await agent);
        }

        JsonElement json = message.Json;
        SubmitRecord submit = pool.Submissions.Single(s => s.Nonce == json.GetProperty("nonce").GetString() && s.Extranonce2 == json.GetProperty("extranonce2").GetString());
        var checks = new Dictionary<string, Action<JsonElement>>
        {
            ["v"] = v => Assert.Equal(MqttContract.Version, v.GetInt32()),
            ["id"] = v =>
            {
                // RFC 9562 UUIDv7 in its canonical dashed, lowercase form (8-4-4-4-12).
                Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", v.GetString());
                Assert.Equal(7, Guid.ParseExact(v.GetString()!, "D").Version);
            },
            ["device_id"] = v => Assert.Equal(DeviceId, v.GetString()),
            ["found_at"] = v =>
            {
                var at = DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture);
                Assert.Equal(TimeSpan.Zero, at.Offset);
                Assert.InRange(at, started, DateTimeOffset.UtcNow);
            },
            ["algo"] = v => Assert.Equal("sha256d", v.GetString()),
            ["pool"] = v => Assert.Equal(pool.Url, v.GetString()),
            ["job_id"] = v => Assert.Equal(submit.JobId, v.GetString()),
            ["nonce"] = v => Assert.Equal(submit.Nonce, v.GetString()),
            ["extranonce2"] = v => Assert.Equal(submit.Extranonce2, v.GetString()),
            ["ntime"] = v => Assert.Equal(submit.NTime, v.GetString()),
            ["version_bits"] = v =>
            {
                // The test pool negotiates version rolling (BIP 310), so the submit carried version bits.
                Assert.NotNull(submit.VersionBits);
                Assert.Equal(submit.VersionBits, v.GetString());
            },
            ["difficulty"] = v => Assert.Equal(submit.ShareDifficulty, v.GetDouble(), submit.ShareDifficulty * 1e-9),
            ["pool_difficulty"] = v => Assert.Equal(poolDifficulty, v.GetDouble(), 1e-12),
            ["hash"] = v =>
            {
                // Display order: the hash as a big-endian number; difficulty = (0xFFFF · 2^208) / hash, as the pool computed it.
                Assert.Matches("^[0-9a-f]{64}$", v.GetString());
                var hash = BigInteger.Parse("0" + v.GetString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                double difficulty = Math.Exp(BigInteger.Log(new BigInteger(0xFFFF) << 208) - BigInteger.Log(hash));
                Assert.Equal(submit.ShareDifficulty, difficulty, submit.ShareDifficulty * 1e-9);
            },
            ["result"] = v => Assert.Equal(submit.Accepted ? "accepted" : "rejected", v.GetString()),
            ["reject_reason"] = v => Assert.Equal(submit.Accepted ? null : submit.ErrorMessage, v.GetString()),
        };

        IReadOnlyDictionary<string, string> documented = DocumentedFields("share");
        Assert.Equal(documented.Keys.Order(), json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(documented.Keys.Order(), checks.Keys.Order());
        Assert.True(submit.Accepted, $"the pool refused {submit}");
        foreach ((string field, string type) in documented)
        {
            JsonElement value = json.GetProperty(field);
            Assert.True(HasType(value, type), $"share field {field} is {value.ValueKind} ({value}) but docs/mqtt.md says {type}");
            checks[field](value);
        }

        Assert.Empty(pool.ProtocolErrors);
    }

    // The documented types: "int", "number", "string", "bool", each optionally "or null".
    static bool HasType(JsonElement value, string documented)
    {
        bool nullable = documented.EndsWith(" or null", StringComparison.Ordinal);
        string type = nullable ? documented[..^" or null".Length] : documented;
        return (nullable && value.ValueKind == JsonValueKind.Null) || type switch
        {
            "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "string" => value.ValueKind == JsonValueKind.String,
            "bool" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => throw new InvalidOperationException($"docs/mqtt.md documents a type this test does not know: '{documented}'"),
        };
    }

    string EmptyConfig()
    {
        string path = Path.Combine(_state, "iotminer.json");
        File.WriteAllText(path, "{ // everything comes from the overrides\n}");
        return path;
    }

    // | `name` | type | meaning |  (the header and the |---| line have no backticked first cell)
    [GeneratedRegex(@"^\| ((?:`[a-z0-9_]+`(?:, )?)+) \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
