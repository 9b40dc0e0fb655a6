using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// Group commit: callers enqueue records and wait; one writer takes everything waiting (up to a batch size) and
/// commits it in one transaction, so a thousand shares a second cost a few fsyncs, not a thousand. Each caller's task
/// completes only after the transaction holding its record committed, or fails with the writer's error.
/// </summary>
public sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<LedgerShare>, CancellationToken, Task> _commit;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>Starts the writer; <paramref name="commit"/> writes one batch in one transaction.</summary>
    public GroupCommitQueue(Func<IReadOnlyList<LedgerShare>, CancellationToken, Task> commit, int maxBatch, ILogger logger)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues <paramref name="share"/>; completes once it is committed.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="DisposeAsync"/>.</exception>
    public Task EnqueueAsync(LedgerShare share, CancellationToken cancellationToken)
    {
        var pending = new Pending(share);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitQueue), "The ledger is closed.");
        }

        // The record is committed whether or not the caller stops waiting; cancellation only ends the wait.
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        var shares = new List<LedgerShare>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            shares.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out Pending? pending))
            {
                batch.Add(pending);
                shares.Add(pending.Share);
            }

            try
            {
                await _commit(shares, CancellationToken.None).ConfigureAwait(false);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception error)
            {
                _logger.LogError(error, "The ledger could not commit {Count} share records", batch.Count);
                batch.ForEach(p => p.Committed.TrySetException(error));
            }
        }
    }

    private sealed class Pending(LedgerShare share)
    {
        public LedgerShare Share { get; } = share;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
