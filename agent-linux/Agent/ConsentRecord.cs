using System;
using System.IO;
using System.Text;
using System.Text.Json;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// The owner's recorded opt-in (<c>iotminer consent --accept</c>): a file in the state directory holding a
/// fingerprint of what was shown. If the pool, the payout user or the algorithm changes, the fingerprint no longer
/// matches and the owner is asked again: consent is to a specific use, not a blank cheque.
/// </summary>
public static class ConsentRecord
{
    /// <summary>The record's file name inside the state directory.</summary>
    public const string FileName = "consent.json";

    /// <summary>True when a record exists whose fingerprint matches <paramref name="plan"/>.</summary>
    public static bool Matches(string stateDirectory, MiningPlan plan)
    {
        string path = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("fingerprint", out JsonElement value) && value.GetString() == Fingerprint(plan);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>When the record in <paramref name="stateDirectory"/> was accepted; null when there is none or it cannot be read.</summary>
    public static DateTimeOffset? AcceptedAt(string stateDirectory)
    {
        string path = Path.Combine(stateDirectory, FileName);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("accepted_at", out JsonElement value) && value.TryGetDateTimeOffset(out DateTimeOffset at) ? at : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the record for <paramref name="plan"/> (readable by the owner only).</summary>
    public static void Write(string stateDirectory, MiningPlan plan, DateTimeOffset now)
    {
        Directory.CreateDirectory(stateDirectory);
        string path = Path.Combine(stateDirectory, FileName);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("accepted_at", now);
            writer.WriteString("fingerprint", Fingerprint(plan));
            writer.WriteString("shown", plan.Describe());
            writer.WriteEndObject();
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Removes the record.</summary>
    public static bool Revoke(string stateDirectory)
    {
        string path = Path.Combine(stateDirectory, FileName);
        bool existed = File.Exists(path);
        File.Delete(path);
        return existed;
    }

    // The hashing core's SHA-256, not the platform's, which would load OpenSSL (about 4 MB resident) at every start.
    private static string Fingerprint(MiningPlan plan)
        => Convert.ToHexStringLower(Sha256.Hash(Encoding.UTF8.GetBytes(plan.ConsentKey)));
}
