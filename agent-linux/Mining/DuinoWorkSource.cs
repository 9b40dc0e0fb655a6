using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Duino;
using IotMinerAgent.Linux.Duino;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// Jobs from a Duino-Coin pool, shares back to it: each worker thread gets the job of its own connection
/// (<see cref="JobBoard.PostFor"/>), and its solution goes through the agent's share pipeline (journal, submit, verdict)
/// back to that connection.
/// </summary>
public sealed class DuinoWorkSource(DuinoClient client) : IWorkSource
{
    /// <inheritdoc />
    public string DisplayName => client.State.Pool ?? client.ConfiguredPool ?? "connecting to a Duino node";

    /// <inheritdoc />
    public string? Tier => client.State.Tiers.Current.Name;

    /// <inheritdoc />
    public string? StopReason => client.State.StopReason is { } reason ? "the Duino pool refused all work: " + reason : null;

    /// <inheritdoc />
    public async Task RunAsync(JobBoard board, CancellationToken cancellationToken)
    {
        try
        {
            await client.RunAsync(assignment => board.PostFor(assignment.Worker, new DuinoMiningJob(assignment, board)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            board.Clear();
        }
    }

    /// <summary>One worker's job: the nonce range 0..100·difficulty of one DUCO-S1 job; its share is the expected digest.</summary>
    private sealed class DuinoMiningJob : MiningJob
    {
        private readonly DuinoAssignment _assignment;
        private readonly JobBoard _board;
        private readonly DucoWork _work;
        private readonly byte[] _expected;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public DuinoMiningJob(DuinoAssignment assignment, JobBoard board)
        {
            _assignment = assignment;
            _board = board;
            _work = assignment.Job.ToWork();
            _expected = Hex.Decode(assignment.Job.ExpectedHash);
            JobId = assignment.Job.LastHash[..16] + "/" + assignment.Job.Difficulty.ToString(System.Globalization.CultureInfo.InvariantCulture);
            WorkKey = $"duino/{assignment.Worker}/{assignment.Job.LastHash}/{assignment.Job.ExpectedHash}";
            Algorithm = Algorithms.DucoS1;
            ShareDifficulty = Difficulty.FromInteger(assignment.Job.Difficulty);
            Extranonce2Space = 1;
            Pool = assignment.Pool;
        }

        public override ulong NonceSpace => _work.NonceCount;

        public override string? NtimeHex => null;

        public override MiningWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
        {
            extranonce2Bytes = [];
            return _work;
        }

        public override bool IsShare(byte[] hash) => hash.AsSpan().SequenceEqual(_expected);

        public override double DifficultyOf(byte[] hash) => _assignment.Job.Difficulty;

        public override async Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken)
        {
            // A job has one solution: the worker stops scanning it and waits for the connection's next job.
            _board.ClearFor(_assignment.Worker, this);
            // The measured rate, as the official miners report it: nonces tried (the solution's position) over the time
            // since the job arrived. Never rounded up; the codec truncates it further to two decimals.
            double seconds = Math.Max((share.FoundAt - _assignment.Received).TotalSeconds, 0.001);
            DuinoFeedback? feedback = await _assignment.SubmitAsync(share.Nonce, share.Nonce / seconds).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (feedback is null)
            {
                return new ShareOutcome(ShareVerdict.Stale, "the connection to the Duino node ended before it answered");
            }

            return new ShareOutcome(feedback.Verdict, feedback.Kind == DuinoFeedbackKind.Block ? "BLOCK" : feedback.Reason.Length > 0 ? feedback.Reason : null);
        }
    }
}
