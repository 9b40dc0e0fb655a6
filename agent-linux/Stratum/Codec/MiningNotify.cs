using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Text;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>
/// The params of <c>mining.notify</c>: <c>[job_id, prevhash, coinb1, coinb2, merkle_branch[], version, nbits, ntime,
/// clean_jobs]</c>, with every hex field decoded.
/// </summary>
public sealed class MiningNotify
{
    /// <summary>Longest job id accepted; pools use short counters or hashes (printable ASCII only, see <see cref="TryParse"/>).</summary>
    public const int MaxJobIdLength = 128;

    /// <summary>The problem reported for a job whose id is not 1 to <see cref="MaxJobIdLength"/> printable ASCII characters.</summary>
    public const string JobIdProblem = "mining.notify job_id is not 1 to 128 printable ASCII characters; the job is refused";

    /// <summary>Most merkle branches accepted: 32 levels already cover 2^32 transactions.</summary>
    public const int MaxBranches = 32;

    /// <summary>Largest coinbase part accepted, in bytes (a coinbase transaction is far smaller than a line).</summary>
    public const int MaxCoinbasePart = 32 * 1024;

    /// <summary>The pool's job id, echoed in <c>mining.submit</c>.</summary>
    public required string JobId { get; init; }

    /// <summary>Previous block hash exactly as sent (each 4-byte word byte-swapped relative to the header).</summary>
    public required byte[] PrevHash { get; init; }

    /// <summary>Coinbase transaction before extranonce1.</summary>
    public required byte[] Coinbase1 { get; init; }

    /// <summary>Coinbase transaction after extranonce2.</summary>
    public required byte[] Coinbase2 { get; init; }

    /// <summary>Merkle branch hashes, each 32 bytes as sent.</summary>
    public required byte[][] MerkleBranches { get; init; }

    /// <summary>Block version.</summary>
    public required uint Version { get; init; }

    /// <summary>Compact network target.</summary>
    public required uint NBits { get; init; }

    /// <summary>Block time proposed by the pool.</summary>
    public required uint NTime { get; init; }

    /// <summary>True when every earlier job is void (a new block arrived).</summary>
    public required bool CleanJobs { get; init; }

    /// <summary>Reads notify params; on failure <paramref name="problem"/> names the bad field.</summary>
    public static bool TryParse(JsonElement parameters, [NotNullWhen(true)] out MiningNotify? notify, out string problem)
    {
        notify = null;
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() < 9)
        {
            problem = "mining.notify needs 9 params";
            return false;
        }

        if (!TryReadJobId(parameters[0], out string jobId))
        {
            problem = JobIdProblem;
            return false;
        }

        byte[][]? branches = ReadBranches(parameters[4]);
        problem = "mining.notify has a malformed field: ";
        if (!HexField.TryReadBytes(parameters[1], 32, 32, out byte[] prevHash))
        {
            problem += "prevhash";
        }
        else if (!HexField.TryReadBytes(parameters[2], -1, MaxCoinbasePart, out byte[] coinb1))
        {
            problem += "coinb1";
        }
        else if (!HexField.TryReadBytes(parameters[3], -1, MaxCoinbasePart, out byte[] coinb2))
        {
            problem += "coinb2";
        }
        else if (branches is null)
        {
            problem += "merkle_branch";
        }
        else if (!HexField.TryReadWord(parameters[5], out uint version))
        {
            problem += "version";
        }
        else if (!HexField.TryReadWord(parameters[6], out uint nbits))
        {
            problem += "nbits";
        }
        else if (!HexField.TryReadWord(parameters[7], out uint ntime))
        {
            problem += "ntime";
        }
        else if (parameters[8].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problem += "clean_jobs";
        }
        else
        {
            notify = new MiningNotify
            {
                JobId = jobId, PrevHash = prevHash, Coinbase1 = coinb1, Coinbase2 = coinb2, MerkleBranches = branches,
                Version = version, NBits = nbits, NTime = ntime, CleanJobs = parameters[8].GetBoolean(),
            };
            problem = string.Empty;
            return true;
        }

        return false;
    }

    // The job id is echoed in mining.submit and appears in logs, the outbox and MQTT share messages: anything outside
    // printable ASCII (controls, bidi overrides, non-ASCII look-alikes) is refused here, so it never needs escaping.
    private static bool TryReadJobId(JsonElement element, out string jobId)
    {
        jobId = element.ValueKind switch
        {
            JsonValueKind.String => JsonText.Read(element),
            JsonValueKind.Number => element.GetRawText(),
            _ => string.Empty,
        };
        return UntrustedText.IsPrintableAscii(jobId, MaxJobIdLength);
    }

    private static byte[][]? ReadBranches(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > MaxBranches)
        {
            return null;
        }

        var branches = new byte[element.GetArrayLength()][];
        for (int i = 0; i < branches.Length; i++)
        {
            if (!HexField.TryReadBytes(element[i], 32, 32, out branches[i]))
            {
                return null;
            }
        }

        return branches;
    }
}
