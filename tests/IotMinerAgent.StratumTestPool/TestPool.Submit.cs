using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace IotMinerAgent.StratumTestPool;

/// <summary>mining.submit: strict format checks, then the share recomputed from the pool's own job data.</summary>
public sealed partial class TestPool
{
    /// <summary>ntime may move this far past the job's ntime (Bitcoin allows two hours into the future).</summary>
    private const uint MaxNTimeRoll = 7200;

    /// <summary>
    /// From now on the pool judges and records every mining.submit (<see cref="Submissions"/>) but keeps its answers,
    /// as a pool that has gone quiet under load does; everything else is answered as usual.
    /// <see cref="ReleaseSubmitAnswersAsync"/> sends the kept answers, in order, to the connections still open.
    /// </summary>
    public void HoldSubmitAnswers()
    {
        lock (_gate)
        {
            _holdingAnswers = true;
        }
    }

    /// <summary>Answers kept by <see cref="HoldSubmitAnswers"/> and not yet sent.</summary>
    public int HeldAnswers { get { lock (_gate) { return _heldAnswers.Count; } } }

    /// <summary>Stops holding answers and sends the kept ones in the order the submits arrived.</summary>
    public async Task ReleaseSubmitAnswersAsync()
    {
        List<(PoolConnection Connection, string Line)> held;
        lock (_gate)
        {
            _holdingAnswers = false;
            held = [.. _heldAnswers];
            _heldAnswers.Clear();
        }

        foreach ((PoolConnection connection, string line) in held)
        {
            await connection.SendAsync(line).ConfigureAwait(false);
        }
    }

    // Called under _gate with the answer lines of one mining.submit.
    private List<string> HoldIfQuiet(PoolConnection connection, List<string> answers)
    {
        if (!_holdingAnswers)
        {
            return answers;
        }

        _heldAnswers.AddRange(answers.Select(a => (connection, a)));
        return new();
    }

    private List<string> Submit(PoolConnection connection, string id, JsonElement parameters, string line)
    {
        int count = parameters.GetArrayLength();
        string[] values = parameters.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : "\u0000").ToArray();
        if (count is < 5 or > 6 || values.Any(v => v.Contains('\u0000')))
        {
            return Refuse(connection, id, 20, "Malformed mining.submit", line);
        }

        if (count == 6 && connection.VersionMask == 0)
        {
            return Refuse(connection, id, 20, "version_bits without negotiated version rolling", line);
        }

        PoolSession? session = connection.Session;
        if (!connection.Authorized || session is null || values[0] != connection.User)
        {
            return Refuse(connection, id, 24, "Unauthorized worker", line);
        }

        session.SentJobs.TryGetValue(values[1], out SentJob? sent);
        int extranonce2Size = sent?.Extranonce2Size ?? session.Extranonce2Size;
        if (!IsHex(values[2], extranonce2Size * 2) || !IsHex(values[3], 8) || !IsHex(values[4], 8) || (count == 6 && !IsHex(values[5], 8)))
        {
            return Refuse(connection, id, 20, $"Malformed hex in mining.submit (extranonce2 must be {extranonce2Size * 2} hex digits, ntime/nonce/version 8)", line);
        }

        return new() { Judge(connection, id, session, sent, values) };
    }

    private string Judge(PoolConnection connection, string id, PoolSession session, SentJob? sent, string[] values)
    {
        uint ntime = ParseWord(values[3]);
        uint nonce = ParseWord(values[4]);
        uint? versionBits = values.Length == 6 ? ParseWord(values[5]) : null;
        string extranonce1 = sent is null ? Hex(session.Extranonce1) : Hex(sent.Extranonce1);
        double shareDifficulty = 0;
        double required = 0;
        (int Code, string Message)? verdict = null;

        if (_forcedRejects.Count > 0)
        {
            verdict = _forcedRejects.Dequeue();
        }
        else if (sent is null)
        {
            verdict = (20, "Unknown job");
        }
        else if (sent.Stale)
        {
            verdict = (21, "Stale job");
        }
        else if (versionBits is { } crossed && (crossed & ~connection.VersionMask) != 0 && (crossed & ~sent.VersionMaskWhenSent) == 0)
        {
            // Rolled under the mask in force when the job was sent, submitted as set_version_mask narrowed it: the
            // two messages crossed. A late share, not a client error (BIP 310 makes the new mask valid at once).
            verdict = (21, "Version mask changed");
        }
        else if (versionBits is { } bits && (bits & ~connection.VersionMask) != 0)
        {
            _protocolErrors.Add($"#{connection.Id}: version bits {values[5]} outside mask {PoolJob.Word(connection.VersionMask)}");
            verdict = (20, "Version bits outside mask");
        }
        else if (!session.SeenShares.Add($"{values[1]}/{values[2]}/{values[3]}/{values[4]}/{(values.Length == 6 ? values[5] : string.Empty)}"))
        {
            verdict = (22, "Duplicate share");
        }
        else if (ntime < sent.Job.NTime || ntime > sent.Job.NTime + MaxNTimeRoll)
        {
            verdict = (20, "ntime out of range");
        }
        else
        {
            // BIP 310: block version = (job version & ~mask) | (version_bits & mask).
            uint version = versionBits is { } rolled ? (sent.Job.Version & ~connection.VersionMask) | (rolled & connection.VersionMask) : sent.Job.Version;
            byte[] hash = ShareCheck.DoubleSha(ShareCheck.Header(sent.Job, sent.Extranonce1, Convert.FromHexString(values[2]), ntime, version, nonce));
            shareDifficulty = ShareCheck.ShareDifficulty(hash);

            // Like ckpool: a share on a job sent before a difficulty change counts at the lower of the two difficulties.
            required = Math.Min(sent.DifficultyWhenSent, session.Difficulty);
            if (!ShareCheck.Meets(hash, required))
            {
                verdict = (23, "Low difficulty share");
            }
        }

        _submissions.Add(new SubmitRecord(
            connection.Id, values[0], values[1], extranonce1, values[2], values[3], values[4], versionBits is null ? null : values[5],
            verdict is null, verdict?.Code ?? 0, verdict?.Message, shareDifficulty, required));
        return verdict is { } refused ? Protocol.Error(id, refused.Code, refused.Message) : Protocol.Result(id, w => w.WriteBooleanValue(true));
    }

    // Stratum hex is lowercase in every pool and miner; anything else is the client's bug.
    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigitLower);

    private static uint ParseWord(string hex8) => uint.Parse(hex8, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
