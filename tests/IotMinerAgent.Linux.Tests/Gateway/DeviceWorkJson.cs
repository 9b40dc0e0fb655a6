using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Linux.Tests.Gateway;

/// <summary>
/// The JSON form of the binary device work messages that docs/mqtt.md ("Device work (binary)") prints beside each hex
/// example, so the examples can be checked both ways. Devices and the gateway never use it: it lives with the tests.
/// Fields map one to one to the binary fields; byte strings are lowercase hex in the binary order, except the target,
/// which is in display order as pools and explorers print it.
/// </summary>
internal static class DeviceWorkJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string[] VerdictNames =
    [
        "accepted", "block-found", "rejected-low-difficulty", "rejected-duplicate", "rejected-stale", "rejected-unknown-job",
        "rejected-malformed", "rejected-rate-limited", "accepted-pending",
    ];

    /// <summary>The job as indented JSON.</summary>
    public static string ToJson(DeviceJob job)
    {
        var json = new JsonObject
        {
            ["v"] = DeviceWireFormat.Version,
            ["job"] = job.JobId,
            ["algo"] = job.Algorithm,
            ["first_nonce"] = job.FirstNonce,
            ["count"] = job.NonceCount,
            ["issued_at"] = job.IssuedAt,
            ["lifetime_s"] = job.LifetimeSeconds,
            ["target"] = job.Target.ToHex(),
        };
        if (job.Algorithm == Algorithms.Sha256d)
        {
            json["midstate"] = Hex.Encode(Sha256.StateToDigest(job.GetMidstate()));
            json["tail"] = Hex.Encode(job.GetTail());
        }
        else
        {
            json["header_prefix"] = Hex.Encode(job.GetHeaderPrefix());
        }

        return json.ToJsonString(Indented);
    }

    /// <summary>The share as indented JSON; <c>leading_zero_bits</c> is null without the device's hint.</summary>
    public static string ToJson(DeviceShare share) => new JsonObject
    {
        ["v"] = DeviceWireFormat.Version,
        ["job"] = share.JobId,
        ["nonce"] = share.Nonce,
        ["leading_zero_bits"] = share.HasHint ? share.LeadingZeroBits : null,
    }.ToJsonString(Indented);

    /// <summary>The verdict as indented JSON.</summary>
    public static string ToJson(DeviceVerdict verdict) => new JsonObject
    {
        ["v"] = DeviceWireFormat.Version,
        ["job"] = verdict.JobId,
        ["nonce"] = verdict.Nonce,
        ["verdict"] = VerdictNames[(int)verdict.Code],
        ["reason"] = verdict.Reason,
    }.ToJsonString(Indented);

    /// <summary>Reads a job's JSON form.</summary>
    /// <exception cref="FormatException">When a field is missing or wrong; the message names it.</exception>
    public static DeviceJob JobFromJson(string text)
    {
        JsonObject json = Parse(text, "job");
        uint id = Field<uint>(json, "job");
        string algo = Field<string>(json, "algo");
        Target target = Read(() => Target.Parse(Field<string>(json, "target")), "target", "64 hex digits in display order");
        uint first = Field<uint>(json, "first_nonce");
        ulong count = Field<ulong>(json, "count");
        uint issued = Field<uint>(json, "issued_at");
        uint lifetime = Field<uint>(json, "lifetime_s");
        return algo switch
        {
            Algorithms.Sha256d => Read(() => DeviceJob.ForSha256d(id, Midstate(HexField(json, "midstate", 32)), HexField(json, "tail", DeviceJob.TailLength),
                target, first, count, issued, lifetime), "count", "a nonce range of 1 to 2^32 nonces that ends at or before 2^32"),
            Algorithms.Scrypt => Read(() => DeviceJob.ForScrypt(id, HexField(json, "header_prefix", DeviceJob.PrefixLength),
                target, first, count, issued, lifetime), "count", "a nonce range of 1 to 2^32 nonces that ends at or before 2^32"),
            _ => throw new FormatException($"Device work JSON: \"algo\" is \"{algo}\", expected \"sha256d\" or \"scrypt\"."),
        };
    }

    /// <summary>Reads a share's JSON form.</summary>
    /// <exception cref="FormatException">When a field is missing or wrong; the message names it.</exception>
    public static DeviceShare ShareFromJson(string text)
    {
        JsonObject json = Parse(text, "share");
        uint id = Field<uint>(json, "job");
        uint nonce = Field<uint>(json, "nonce");
        return json["leading_zero_bits"] is null ? new DeviceShare(id, nonce) : new DeviceShare(id, nonce, Field<byte>(json, "leading_zero_bits"));
    }

    /// <summary>Reads a verdict's JSON form.</summary>
    /// <exception cref="FormatException">When a field is missing or wrong; the message names it.</exception>
    public static DeviceVerdict VerdictFromJson(string text)
    {
        JsonObject json = Parse(text, "verdict");
        string name = Field<string>(json, "verdict");
        int code = Array.IndexOf(VerdictNames, name);
        if (code < 0)
        {
            throw new FormatException($"Device work JSON: \"verdict\" is \"{name}\", expected one of {string.Join(", ", VerdictNames)}.");
        }

        return Read(() => new DeviceVerdict(Field<uint>(json, "job"), Field<uint>(json, "nonce"), (DeviceVerdictCode)code, Field<string>(json, "reason")),
            "reason", "at most 64 printable ASCII characters");
    }

    private static JsonObject Parse(string text, string kind)
    {
        JsonObject json = Read(() => JsonNode.Parse(text) as JsonObject, kind, "a JSON object")
            ?? throw new FormatException($"Device work JSON: a {kind} is a JSON object.");
        int version = Field<int>(json, "v");
        return version == DeviceWireFormat.Version
            ? json
            : throw new FormatException($"Device work JSON: \"v\" is {version}, but this code reads version {DeviceWireFormat.Version}.");
    }

    private static T Field<T>(JsonObject json, string name)
    {
        JsonNode node = json[name] ?? throw new FormatException($"Device work JSON: \"{name}\" is missing or null.");
        try
        {
            return node.GetValue<T>();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"Device work JSON: \"{name}\" must be a {typeof(T).Name}: {e.Message}", e);
        }
    }

    private static byte[] HexField(JsonObject json, string name, int length)
    {
        byte[] bytes = Read(() => Hex.Decode(Field<string>(json, name)), name, $"{2 * length} hex digits");
        return bytes.Length == length
            ? bytes
            : throw new FormatException($"Device work JSON: \"{name}\" is {bytes.Length} bytes, expected {length} ({2 * length} hex digits).");
    }

    private static uint[] Midstate(byte[] bytes32)
    {
        uint[] words = new uint[8];
        for (int i = 0; i < 8; i++)
        {
            words[i] = Sha256.ReadBigEndian(bytes32, i * 4);
        }

        return words;
    }

    private static T Read<T>(Func<T> read, string name, string expected)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException or OverflowException)
        {
            throw new FormatException($"Device work JSON: \"{name}\" must be {expected}: {e.Message}", e);
        }
    }
}
