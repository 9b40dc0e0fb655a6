using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using IotMinerAgent.Firmware.Api;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Mqtt;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>The device side of docs/mqtt.md: the documented job examples hash to their nonces, the JSON has the documented fields.</summary>
public sealed class DeviceProtocolTests
{
    static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "mqtt.md"));

    [Fact]
    public void The_documented_sha256d_job_yields_the_genesis_nonce_with_its_hash()
    {
        DeviceJob job = DeviceJob.Decode(DocumentedJob(0));
        ArrayList found = [];

        new SliceScanner().Scan(job, 0x7c2bac1d - 2, 5, found);

        FoundShare share = Assert.IsType<FoundShare>(Assert.Single(found));
        Assert.Equal(0x7c2bac1du, share.Nonce);
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", Hex.EncodeReversed(share.Hash));
    }

    [Fact]
    public void The_documented_scrypt_job_yields_its_nonce()
    {
        DeviceJob job = DeviceJob.Decode(DocumentedJob(1));
        ArrayList found = [];

        new SliceScanner().Scan(job, 0x5966de00 - 1, 3, found);

        Assert.Equal(0x5966de00u, Assert.IsType<FoundShare>(Assert.Single(found)).Nonce);
    }

    [Fact]
    public void Status_has_every_field_of_the_documented_example_and_null_temperature_without_a_sensor()
    {
        JsonElement documented = DocumentedJson("status");
        var status = new MinerStatus { State = "paused", Reason = "paused: no owner consent", MaxDutyPercent = 100, TargetMilliC = 70000 };

        JsonElement ours = JsonDocument.Parse(DeviceMessages.Status("esp32-a", "2025-03-14T15:09:26.000+00:00", status)).RootElement;

        // The documented example is the Linux agent's; the fields only the agent sends are documented as such.
        foreach (JsonProperty field in documented.EnumerateObject().Where(f => !StatusFields.AgentExtra.Contains(f.Name)))
        {
            Assert.True(ours.TryGetProperty(field.Name, out _), $"status lacks documented field '{field.Name}'");
        }

        Assert.Equal(JsonValueKind.Null, ours.GetProperty("temperature_c").ValueKind);
        Assert.Equal(70, ours.GetProperty("target_temperature_c").GetDouble());
    }

    [Fact]
    public void Share_report_and_command_event_have_every_documented_field()
    {
        DeviceJob job = DeviceJob.Decode(DocumentedJob(0));
        var share = new FoundShare(job, 0x7c2bac1d, job.HashSha256d(0x7c2bac1d));
        var entry = new OutboxEntry(share, new ShareId().Next(1_700_000_000_000), "2025-03-14T15:09:26.512+00:00") { Verdict = DeviceVerdictCode.BlockFound };

        JsonElement report = JsonDocument.Parse(DeviceMessages.ShareReport("esp32-a", entry)).RootElement;
        JsonElement answer = JsonDocument.Parse(DeviceMessages.CommandEvent("esp32-a", null, "max_duty", null, "40", "r-1")).RootElement;

        Assert.All(DocumentedJson("share").EnumerateObject(), f => Assert.True(report.TryGetProperty(f.Name, out _), f.Name));
        Assert.All(DocumentedJson("event").EnumerateObject(), f => Assert.True(answer.TryGetProperty(f.Name, out _), f.Name));
        Assert.Equal("accepted", report.GetProperty("result").GetString());
        Assert.Equal("7c2bac1d", report.GetProperty("nonce").GetString());
        Assert.Equal("495fab29", report.GetProperty("ntime").GetString());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", report.GetProperty("id").GetString());
        Assert.True(report.GetProperty("difficulty").GetDouble() > 1000);
        Assert.Equal(40, answer.GetProperty("value").GetInt32());
    }

    [Fact]
    public void Work_request_is_the_documented_json()
    {
        JsonElement request = JsonDocument.Parse(DeviceMessages.WorkRequest(["sha256d"], 1205)).RootElement;

        Assert.Equal(1, request.GetProperty("v").GetInt32());
        Assert.Equal(["sha256d"], request.GetProperty("algos").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(120.5, request.GetProperty("hashrate").GetDouble());
    }

    static byte[] DocumentedJob(int index)
    {
        MatchCollection blocks = Regex.Matches(Docs, "<!-- device-example: job -->\\s*```text\\n(.*?)```", RegexOptions.Singleline);
        return Hex.Decode(Regex.Replace(blocks[index].Groups[1].Value, "\\s", ""));
    }

    static JsonElement DocumentedJson(string kind)
    {
        Match block = Regex.Match(Docs, $"<!-- example: {kind} -->\\s*```json\\n(.*?)```", RegexOptions.Singleline);
        return JsonDocument.Parse(block.Groups[1].Value).RootElement.Clone();
    }

    static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IotMinerAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the tests from inside the repository checkout");
    }
}
