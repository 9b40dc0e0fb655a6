using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.StratumTestPool;

/// <summary>The pool's request handling: strict about what it accepts, recording every deviation.</summary>
public sealed partial class TestPool
{
    internal void TlsFailed()
    {
        lock (_gate)
        {
            TlsFailures++;
        }
    }

    internal void Closed(PoolConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    internal void ProtocolError(PoolConnection connection, string problem)
    {
        lock (_gate)
        {
            _protocolErrors.Add($"#{connection.Id}: {problem}");
        }
    }

    /// <summary>Handles one client line; returns the lines to send back, in order.</summary>
    internal List<string> Handle(PoolConnection connection, string line)
    {
        lock (_gate)
        {
            _clientLines.Add(line);
            if (line.EndsWith('\r'))
            {
                _protocolErrors.Add($"#{connection.Id}: line ends in CR LF, not LF: {line}");
            }

            if (!TryReadRequest(line, out JsonElement root, out string? rawId, out string? method, out JsonElement parameters, out string problem))
            {
                _protocolErrors.Add($"#{connection.Id}: {problem}: {line}");
                return rawId is null ? new() : new() { Protocol.Error(rawId, 20, "Malformed request") };
            }

            if (method is null)
            {
                _clientReplies.Add(line);
                return new();
            }

            return method switch
            {
                "mining.configure" => Configure(connection, rawId!, parameters, line),
                "mining.subscribe" => Subscribe(connection, rawId!, parameters, line),
                "mining.authorize" => Authorize(connection, rawId!, parameters, line),
                "mining.suggest_difficulty" => Acknowledge(connection, rawId!, parameters.GetArrayLength() == 1 && parameters[0].ValueKind == JsonValueKind.Number, line),
                "mining.extranonce.subscribe" => ExtranonceSubscribe(connection, rawId!, parameters, line),
                "mining.submit" => HoldIfQuiet(connection, Submit(connection, rawId!, parameters, line)),
                _ => Refuse(connection, rawId!, 20, "Unknown method", line),
            };
        }
    }

    // A client request is {"id":<integer>,"method":"...","params":[...]} and nothing else; a client reply is
    // {"id":..,"result":..,"error":..}.
    private static bool TryReadRequest(string line, out JsonElement root, out string? rawId, out string? method, out JsonElement parameters, out string problem)
    {
        root = default;
        rawId = null;
        method = null;
        parameters = default;
        try
        {
            root = JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException error)
        {
            problem = "not JSON (" + error.Message + ")";
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement id))
        {
            problem = "not a JSON-RPC object with an id";
            return false;
        }

        rawId = id.GetRawText();
        string[] names = root.EnumerateObject().Select(p => p.Name).ToArray();
        if (names.SequenceEqual(new[] { "id", "result", "error" }))
        {
            problem = string.Empty;
            return true;
        }

        if (!names.SequenceEqual(new[] { "id", "method", "params" }) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out _)
            || root.GetProperty("method").ValueKind != JsonValueKind.String || root.GetProperty("params").ValueKind != JsonValueKind.Array)
        {
            problem = "a request must be exactly {\"id\":<integer>,\"method\":<string>,\"params\":<array>}";
            return false;
        }

        method = root.GetProperty("method").GetString();
        parameters = root.GetProperty("params");
        problem = string.Empty;
        return true;
    }

    private List<string> Configure(PoolConnection connection, string id, JsonElement parameters, string line)
    {
        if (parameters.GetArrayLength() != 2 || parameters[0].ValueKind != JsonValueKind.Array
            || !parameters[0].EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == "version-rolling")
            || parameters[1].ValueKind != JsonValueKind.Object
            || !parameters[1].TryGetProperty("version-rolling.mask", out JsonElement maskText)
            || !TryWord(maskText, out uint requested))
        {
            return Refuse(connection, id, 20, "Malformed mining.configure", line, protocolError: true);
        }

        if (connection.Subscribed)
        {
            return Refuse(connection, id, 20, "mining.configure after mining.subscribe", line, protocolError: true);
        }

        if (Options.VersionRollingMask is not { } poolMask)
        {
            return new() { Protocol.Error(id, 20, "Unknown method mining.configure") };
        }

        connection.RequestedVersionMask = requested;
        connection.VersionMask = requested & poolMask;
        return new()
        {
            Protocol.Result(id, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("version-rolling", true);
                w.WriteString("version-rolling.mask", PoolJob.Word(connection.VersionMask));
                w.WriteEndObject();
            }),
        };
    }

    private List<string> Subscribe(PoolConnection connection, string id, JsonElement parameters, string line)
    {
        int count = parameters.GetArrayLength();
        if (count is < 1 or > 2 || parameters.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String) || parameters[0].GetString()!.Length == 0)
        {
            return Refuse(connection, id, 20, "Malformed mining.subscribe", line, protocolError: true);
        }

        PoolSession? session = null;
        if (count == 2 && Options.ResumeSessions)
        {
            _sessions.TryGetValue(parameters[1].GetString()!, out session);
        }

        if (session is null)
        {
            int number = ++_nextSession;
            session = new PoolSession($"s{number:x6}", BitConverter.GetBytes(0xE1000000u + (uint)number), Options.Extranonce2Size, _difficulty);
            _sessions[session.Id] = session;
        }

        connection.Session = session;
        return new()
        {
            Protocol.Result(id, w =>
            {
                w.WriteStartArray();
                w.WriteStartArray();
                w.WriteStartArray();
                w.WriteStringValue("mining.set_difficulty");
                w.WriteStringValue(session.Id);
                w.WriteEndArray();
                w.WriteStartArray();
                w.WriteStringValue("mining.notify");
                w.WriteStringValue(session.Id);
                w.WriteEndArray();
                w.WriteEndArray();
                w.WriteStringValue(Hex(session.Extranonce1));
                w.WriteNumberValue(session.Extranonce2Size);
                w.WriteEndArray();
            }),
        };
    }

    private List<string> Authorize(PoolConnection connection, string id, JsonElement parameters, string line)
    {
        if (parameters.GetArrayLength() != 2 || parameters.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
        {
            return Refuse(connection, id, 20, "Malformed mining.authorize", line, protocolError: true);
        }

        if (!connection.Subscribed)
        {
            return Refuse(connection, id, 25, "Not subscribed", line, protocolError: true);
        }

        if (!Options.AuthorizeResult)
        {
            return new() { Protocol.Result(id, w => w.WriteBooleanValue(false)) };
        }

        PoolSession session = connection.Session!;
        bool resumed = session.SentJobs.Count > 0;
        connection.Authorized = true;
        connection.User = parameters[0].GetString();
        if (!Options.SendJobs)
        {
            return new() { Protocol.Result(id, w => w.WriteBooleanValue(true)) };
        }

        PoolJob job = _currentJob ?? NewJobLocked();
        return new()
        {
            Protocol.Result(id, w => w.WriteBooleanValue(true)),
            Protocol.Notification("mining.set_difficulty", w => w.WriteRawValue(Protocol.Number(session.Difficulty))),
            NotifyLocked(session, job, clean: !resumed || session.MissedClean, connection.VersionMask),
        };
    }

    private List<string> ExtranonceSubscribe(PoolConnection connection, string id, JsonElement parameters, string line)
    {
        connection.ExtranonceSubscribed = true;
        return Acknowledge(connection, id, parameters.GetArrayLength() == 0, line);
    }

    private List<string> Acknowledge(PoolConnection connection, string id, bool wellFormed, string line) =>
        wellFormed
            ? new() { Protocol.Result(id, w => w.WriteBooleanValue(true)) }
            : Refuse(connection, id, 20, "Malformed params", line, protocolError: true);

    private List<string> Refuse(PoolConnection connection, string id, int code, string message, string line, bool protocolError = true)
    {
        if (protocolError)
        {
            _protocolErrors.Add($"#{connection.Id}: {message}: {line}");
        }

        return new() { Protocol.Error(id, code, message) };
    }

    private static bool TryWord(JsonElement element, out uint word)
    {
        word = 0;
        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: 8 } text
            && text.All(char.IsAsciiHexDigitLower)
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out word);
    }
}
