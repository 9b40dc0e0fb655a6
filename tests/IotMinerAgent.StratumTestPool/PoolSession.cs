using System.Collections.Generic;

namespace IotMinerAgent.StratumTestPool;

/// <summary>A job as sent to one session: with the extranonce and difficulty that held when it was sent.</summary>
public sealed class SentJob(PoolJob job, byte[] extranonce1, int extranonce2Size, double difficulty, uint versionMask)
{
    /// <summary>The version-rolling mask in force when the job was sent (a later set_version_mask may narrow it).</summary>
    public uint VersionMaskWhenSent { get; } = versionMask;

    public PoolJob Job { get; } = job;

    public byte[] Extranonce1 { get; } = extranonce1;

    public int Extranonce2Size { get; } = extranonce2Size;

    public double DifficultyWhenSent { get; } = difficulty;

    /// <summary>Set when a clean job voided it.</summary>
    public bool Stale { get; set; }
}

/// <summary>What the pool remembers of a client session; survives a dropped connection for session resume.</summary>
public sealed class PoolSession(string id, byte[] extranonce1, int extranonce2Size, double difficulty)
{
    public string Id { get; } = id;

    public byte[] Extranonce1 { get; set; } = extranonce1;

    public int Extranonce2Size { get; set; } = extranonce2Size;

    public double Difficulty { get; set; } = difficulty;

    public Dictionary<string, SentJob> SentJobs { get; } = new();

    public HashSet<string> SeenShares { get; } = new();

    /// <summary>A clean job was made while this session was disconnected: its next notify must say clean_jobs.</summary>
    public bool MissedClean { get; set; }
}
