namespace IotMinerAgent.DuinoTestPool;

/// <summary>One result line a client submitted, what the pool made of it and what it answered.</summary>
public sealed record DuinoResultRecord(
    int ConnectionId,
    string User,
    string Tier,
    string LastHash,
    uint Difficulty,
    string NonceText,
    bool Correct,
    string ReportedHashrate,
    double MeasuredHashrate,
    string MinerName,
    string RigId,
    string ChipField,
    string WalletId,
    string Answer);
