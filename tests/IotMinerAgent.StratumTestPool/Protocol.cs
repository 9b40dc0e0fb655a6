using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IotMinerAgent.StratumTestPool;

/// <summary>The pool's side of the wire format: lines exactly as ckpool-style pools write them.</summary>
internal static class Protocol
{
    public static string Notification(string method, Action<Utf8JsonWriter> writeParams) => Line(w =>
    {
        w.WriteNull("id");
        w.WriteString("method", method);
        w.WriteStartArray("params");
        writeParams(w);
        w.WriteEndArray();
    });

    public static string Request(long id, string method, Action<Utf8JsonWriter> writeParams) => Line(w =>
    {
        w.WriteNumber("id", id);
        w.WriteString("method", method);
        w.WriteStartArray("params");
        writeParams(w);
        w.WriteEndArray();
    });

    public static string Result(string rawId, Action<Utf8JsonWriter> writeResult) => Line(w =>
    {
        w.WritePropertyName("id");
        w.WriteRawValue(rawId);
        w.WritePropertyName("result");
        writeResult(w);
        w.WriteNull("error");
    });

    public static string Error(string rawId, int code, string message) => Line(w =>
    {
        w.WritePropertyName("id");
        w.WriteRawValue(rawId);
        w.WriteNull("result");
        w.WriteStartArray("error");
        w.WriteNumberValue(code);
        w.WriteStringValue(message);
        w.WriteNullValue();
        w.WriteEndArray();
    });

    public static string Notify(PoolJob job, bool clean) => Notification("mining.notify", w =>
    {
        w.WriteStringValue(job.Id);
        w.WriteStringValue(TestPool.Hex(job.PrevHash));
        w.WriteStringValue(TestPool.Hex(job.Coinbase1));
        w.WriteStringValue(TestPool.Hex(job.Coinbase2));
        w.WriteStartArray();
        foreach (byte[] branch in job.Branches)
        {
            w.WriteStringValue(TestPool.Hex(branch));
        }

        w.WriteEndArray();
        w.WriteStringValue(PoolJob.Word(job.Version));
        w.WriteStringValue(PoolJob.Word(job.NBits));
        w.WriteStringValue(PoolJob.Word(job.NTime));
        w.WriteBooleanValue(clean);
    });

    /// <summary>A difficulty as pools print it: plain decimal ("0.00002", "16384"), never an exponent.</summary>
    public static string Number(double value) => value.ToString("0.##########################", CultureInfo.InvariantCulture);

    private static string Line(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
