using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>The RAM outbox: bounded, oldest first, a share leaves only after its verdict and report.</summary>
public sealed class ShareOutboxTests
{
    static readonly DeviceJob Job = DeviceJob.ForSha256d(7, new uint[8], new byte[12], new Target([0, 0, 0, 0, 0, 0, 0, 0xFFFFFFFF]), 0, 1000, 0, 60);

    static OutboxEntry Entry(uint nonce) => new(new FoundShare(Job, nonce, new byte[32]), $"id-{nonce}", null);

    [Fact]
    public void A_share_goes_send_verdict_report_and_only_then_leaves()
    {
        var outbox = new ShareOutbox(4);
        OutboxEntry first = Entry(1);
        Assert.True(outbox.TryAdd(first));
        Assert.True(outbox.TryAdd(Entry(2)));

        Assert.Same(first, outbox.NextToSend(0));
        outbox.MarkSent(first, 100);
        Assert.Equal(2u, outbox.NextToSend(0)!.Share.Nonce);
        Assert.Null(outbox.NextToReport());

        Assert.Same(first, outbox.ApplyVerdict(new DeviceVerdict(7, 1, DeviceVerdictCode.Accepted, "")));
        Assert.Null(outbox.ApplyVerdict(new DeviceVerdict(7, 1, DeviceVerdictCode.RejectedDuplicate, "")));
        Assert.Same(first, outbox.NextToReport());
        outbox.Remove(first);
        Assert.Equal(1, outbox.Count);
    }

    [Fact]
    public void Unjudged_shares_are_sent_again_after_the_wait_and_marked_resent()
    {
        var outbox = new ShareOutbox(4);
        OutboxEntry entry = Entry(1);
        outbox.TryAdd(entry);
        outbox.MarkSent(entry, 1000);

        outbox.Resend(5000, 60000, 600000);
        Assert.Null(outbox.NextToSend(0));
        outbox.Resend(61000, 60000, 600000);

        Assert.Same(entry, outbox.NextToSend(0));
        Assert.True(entry.Resent);
    }

    [Fact]
    public void A_rate_limited_share_waits_out_its_pause_and_is_sent_again_not_counted_as_judged()
    {
        var outbox = new ShareOutbox(4);
        OutboxEntry entry = Entry(1);
        outbox.TryAdd(entry);
        outbox.MarkSent(entry, 1000);
        Assert.Equal(1, outbox.AwaitingVerdict);

        Assert.False(outbox.Defer(new DeviceVerdict(7, 9, DeviceVerdictCode.RejectedRateLimited, ""), 2000));
        Assert.True(outbox.Defer(new DeviceVerdict(7, 1, DeviceVerdictCode.RejectedRateLimited, ""), 2000));

        Assert.Equal(0, outbox.AwaitingVerdict);
        Assert.Null(outbox.NextToReport());
        Assert.Null(outbox.NextToSend(1999));
        Assert.Same(entry, outbox.NextToSend(2000));
    }

    [Fact]
    public void A_full_outbox_refuses_instead_of_growing()
    {
        var outbox = new ShareOutbox(2);

        Assert.True(outbox.TryAdd(Entry(1)));
        Assert.True(outbox.TryAdd(Entry(2)));
        Assert.False(outbox.TryAdd(Entry(3)));
        Assert.Equal(2, outbox.Count);
    }

    [Fact]
    public void A_pending_share_leaves_the_in_flight_window_waits_long_and_takes_its_final_verdict()
    {
        var outbox = new ShareOutbox(4);
        OutboxEntry entry = Entry(1);
        outbox.TryAdd(entry);
        outbox.MarkSent(entry, 1000);

        Assert.Same(entry, outbox.MarkPending(new DeviceVerdict(7, 1, DeviceVerdictCode.AcceptedPending, "held"), 2000));
        Assert.Null(outbox.MarkPending(new DeviceVerdict(7, 1, DeviceVerdictCode.AcceptedPending, "held"), 2500));
        Assert.Equal(0, outbox.AwaitingVerdict);
        Assert.Null(outbox.NextToReport());

        // Not on the short verdict timer: only after the long pending wait is it asked about again.
        outbox.Resend(2000 + 60000, 45000, 600000);
        Assert.Null(outbox.NextToSend(0));
        // The repeated pending answer at 2500 restarted the wait.
        outbox.Resend(2500 + 600000, 45000, 600000);
        Assert.Same(entry, outbox.NextToSend(0));
        outbox.MarkSent(entry, 602000);

        Assert.Same(entry, outbox.ApplyVerdict(new DeviceVerdict(7, 1, DeviceVerdictCode.Accepted, "")));
        Assert.True(entry.WasPending);
        Assert.Same(entry, outbox.NextToReport());
    }
}
