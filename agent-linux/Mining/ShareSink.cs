using System;
using System.Globalization;
using System.Threading.Channels;
using IotMinerAgent.Hashing;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// Receives hits from workers, confirms each with the scalar reference hash (an engine bug must never reach a
/// pool), and queues the confirmed shares for submission. Nothing is dropped silently: a hit that fails the check
/// is logged as an error with the engine's name.
/// </summary>
public sealed class ShareSink(ILogger<ShareSink> logger, MinerStats stats)
{
    private readonly Channel<FoundShare> _queue = Channel.CreateUnbounded<FoundShare>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Confirmed shares waiting for submission, in the order found.</summary>
    public ChannelReader<FoundShare> Confirmed => _queue.Reader;

    /// <summary>Called by a worker for each nonce its engine reported.</summary>
    public void Found(MiningJob job, MiningWork work, byte[] extranonce2, uint nonce)
    {
        byte[] hash = ProofOfWork.Hash(work, nonce);
        if (!job.IsShare(hash))
        {
            logger.LogError("Engine reported nonce {Nonce:x8} of job {JobId} but its hash {Hash} does not meet the share target; not submitted (an engine bug: please report it)",
                nonce, job.JobId, Hex.EncodeReversed(hash));
            return;
        }

        double difficulty = job.DifficultyOf(hash);
        stats.RecordFound(difficulty);
        // A UUIDv7 (RFC 9562) in its dashed form: the id docs/mqtt.md promises subscribers, and the one in every log line.
        var share = new FoundShare(Guid.CreateVersion7().ToString("D"), job, extranonce2, nonce, hash, difficulty, DateTimeOffset.UtcNow);
        logger.LogInformation("Share {ShareId} found: job {JobId} nonce {Nonce} difficulty {Difficulty:G4}", share.Id, job.JobId, nonce.ToString("x8", CultureInfo.InvariantCulture), difficulty);
        _queue.Writer.TryWrite(share);
    }
}
