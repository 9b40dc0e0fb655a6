using System.Security.Cryptography.X509Certificates;

namespace IotMinerAgent.StratumTestPool;

/// <summary>How a <see cref="TestPool"/> behaves; every setting has the value a friendly pool would use.</summary>
public sealed class TestPoolOptions
{
    /// <summary>Share difficulty at session start. Tiny by default so a test miner finds shares in milliseconds.</summary>
    public double Difficulty { get; set; } = 0.000005;

    /// <summary>extranonce2_size given to clients.</summary>
    public int Extranonce2Size { get; set; } = 4;

    /// <summary>Version bits the pool lets clients roll (BIP 310); null answers mining.configure with an error, like an old pool.</summary>
    public uint? VersionRollingMask { get; set; } = 0x1fffe000;

    /// <summary>What mining.authorize returns.</summary>
    public bool AuthorizeResult { get; set; } = true;

    /// <summary>Resume a session when a client subscribes with its old subscription id (same extranonce1, same jobs).</summary>
    public bool ResumeSessions { get; set; } = true;

    /// <summary>Send set_difficulty and the current job after authorize; false makes a silent pool.</summary>
    public bool SendJobs { get; set; } = true;

    /// <summary>When set, the pool speaks TLS with this certificate (which must carry its private key).</summary>
    public X509Certificate2? Certificate { get; set; }
}
