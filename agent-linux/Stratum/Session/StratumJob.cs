using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Codec;

namespace IotMinerAgent.Linux.Stratum.Session;

/// <summary>
/// A job from <c>mining.notify</c> together with the extranonce1 and extranonce2 size that were in force when it
/// arrived. Builds block headers through the portable <see cref="StratumHeader"/> code the ESP32 shares.
/// </summary>
public sealed class StratumJob
{
    private readonly MiningNotify _notify;
    private readonly byte[] _extranonce1;

    /// <summary>Binds a parsed notify to the session's extranonce1 and extranonce2 size.</summary>
    public StratumJob(MiningNotify notify, byte[] extranonce1, int extranonce2Size)
    {
        ArgumentNullException.ThrowIfNull(notify);
        ArgumentNullException.ThrowIfNull(extranonce1);
        ArgumentOutOfRangeException.ThrowIfNegative(extranonce2Size);
        _notify = notify;
        _extranonce1 = (byte[])extranonce1.Clone();
        Extranonce2Size = extranonce2Size;
    }

    /// <summary>The pool's job id.</summary>
    public string JobId => _notify.JobId;

    /// <summary>Block version as sent.</summary>
    public uint Version => _notify.Version;

    /// <summary>Compact network target.</summary>
    public uint NBits => _notify.NBits;

    /// <summary>Block time proposed by the pool; the natural ntime of a share.</summary>
    public uint NTime => _notify.NTime;

    /// <summary>True when the pool voided every earlier job with this one.</summary>
    public bool CleanJobs => _notify.CleanJobs;

    /// <summary>Bytes of extranonce2 a share on this job carries.</summary>
    public int Extranonce2Size { get; }

    /// <summary>The extranonce1 of this job, as hex.</summary>
    public string Extranonce1Hex => Convert.ToHexStringLower(_extranonce1);

    /// <summary>
    /// The extranonce2 for <paramref name="counter"/>: its little-endian bytes, exactly <see cref="Extranonce2Size"/> long
    /// (what cgminer does), so every counter value gives another coinbase.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The counter needs more bytes than the pool gave.</exception>
    public byte[] Extranonce2(ulong counter)
    {
        if (Extranonce2Size < 8 && counter >> (Extranonce2Size * 8) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counter), $"Extranonce2 counter {counter} does not fit in {Extranonce2Size} bytes.");
        }

        byte[] extranonce2 = new byte[Extranonce2Size];
        for (int i = 0; i < Math.Min(8, Extranonce2Size); i++)
        {
            extranonce2[i] = (byte)(counter >> (8 * i));
        }

        return extranonce2;
    }

    /// <summary>The BIP 310 block version: the job's bits outside <paramref name="mask"/>, the miner's inside it.</summary>
    public uint RollVersion(uint versionBits, uint mask) => (Version & ~mask) | (versionBits & mask);

    /// <summary>coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2.</summary>
    public byte[] Coinbase(byte[] extranonce2)
    {
        RequireExtranonce2(extranonce2);
        return StratumHeader.Coinbase(_notify.Coinbase1, _extranonce1, extranonce2, _notify.Coinbase2);
    }

    /// <summary>The merkle root (as stored in the header) for <paramref name="extranonce2"/>.</summary>
    public byte[] MerkleRoot(byte[] extranonce2) =>
        StratumHeader.MerkleRoot(Sha256d.Hash(Coinbase(extranonce2)), _notify.MerkleBranches);

    /// <summary>The 80-byte header for the given extranonce2, ntime, full block version and nonce.</summary>
    public byte[] BuildHeader(byte[] extranonce2, uint ntime, uint version, uint nonce) =>
        StratumHeader.Header(version, _notify.PrevHash, MerkleRoot(extranonce2), ntime, _notify.NBits, nonce);

    /// <summary>Throws unless <paramref name="extranonce2"/> has exactly <see cref="Extranonce2Size"/> bytes.</summary>
    public void RequireExtranonce2(byte[] extranonce2)
    {
        ArgumentNullException.ThrowIfNull(extranonce2);
        if (extranonce2.Length != Extranonce2Size)
        {
            throw new ArgumentException($"Extranonce2 is {extranonce2.Length} bytes; job {JobId} needs exactly {Extranonce2Size}.", nameof(extranonce2));
        }
    }
}
