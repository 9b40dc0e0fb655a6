namespace IotMinerAgent.StratumTestPool;

/// <summary>One mining.submit the pool received, with its verdict and the share's recomputed difficulty.</summary>
public sealed record SubmitRecord(
    int ConnectionId,
    string User,
    string JobId,
    string Extranonce1,
    string Extranonce2,
    string NTime,
    string Nonce,
    string? VersionBits,
    bool Accepted,
    int ErrorCode,
    string? ErrorMessage,
    double ShareDifficulty,
    double RequiredDifficulty)
{
    /// <summary>The share's identity: the same share submitted twice has the same key.</summary>
    public string Key => $"{JobId}/{Extranonce1}/{Extranonce2}/{NTime}/{Nonce}/{VersionBits}";
}
