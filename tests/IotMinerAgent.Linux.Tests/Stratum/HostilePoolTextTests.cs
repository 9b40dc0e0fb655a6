using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>
/// A pool speaking the real protocol puts terminal controls into everything it can: show_message, an unknown method,
/// a reject reason and job ids. The client logs and shows all of it escaped, and keeps mining.
/// </summary>
public sealed class HostilePoolTextTests
{
    [Fact]
    public async Task Pool_text_reaches_the_log_and_the_owner_escaped_and_mining_goes_on()
    {
        await using TestPool pool = TestPool.Start();
        await using ClientHarness harness = new ClientHarness(pool).Start();
        var shown = new ConcurrentQueue<string>();
        harness.Client.OperatorMessage += (_, text) => shown.Enqueue(text);
        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 1, "a first accepted share");

        pool.RejectNext(20, "rejected " + HostileText.All);
        await pool.ShowMessageAsync("maintenance " + HostileText.All);
        await pool.SendRequestAsync("mining.evil" + HostileText.All);
        await pool.SendJobWithIdAsync("job" + HostileText.ClearScreen);
        await pool.SendJobWithIdAsync("job" + HostileText.RightToLeft);
        await pool.SendJobWithIdAsync("job" + HostileText.EightBitCsi);
        await pool.WaitUntilAsync(() => !shown.IsEmpty && pool.ClientReplies.Count >= 1 && pool.Submissions.Any(s => !s.Accepted), "the message shown, the request answered, a share rejected");

        // Mining goes on: new work is mined and accepted after all of it.
        string job = await pool.SendJobAsync(clean: true);
        await pool.WaitUntilAsync(() => pool.Accepted.Count(s => s.JobId == job) >= 2, "shares on the job sent after the hostile text");

        string message = Assert.Single(shown);
        HostileText.AssertNone(message, "the shown message");
        Assert.StartsWith("maintenance \\x1b[2J\\x1b]52;c;", message);
        Assert.Contains("\\x9b2J\\x0dAccepted share 999\\u202eevil", message);
        foreach ((_, string line) in harness.Log.Entries)
        {
            HostileText.AssertNone(line, "a log line");
        }

        string[] log = harness.Log.Entries.Select(e => e.Message).ToArray();
        Assert.Contains(log, l => l.Contains("maintenance " + HostileText.ClearScreenEscaped, StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("unsupported method 'mining.evil\\x1b[2J", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("Share rejected", StringComparison.Ordinal) && l.Contains("rejected \\x1b[2J", StringComparison.Ordinal));

        // Three jobs with bad ids, one line: the refusal is logged once per connection.
        Assert.Single(log, l => l.Contains("job_id is not 1 to 128 printable ASCII", StringComparison.Ordinal));
        Assert.DoesNotContain(pool.Submissions, s => s.JobId.StartsWith("job\u001b", StringComparison.Ordinal) || s.JobId.Any(c => c > '~'));
        Assert.Contains("Method not supported", pool.ClientReplies[0]);
    }
}
