using System.Text.Json;
using IotMinerAgent.Firmware.Control;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>The controller's parts on their own: the share tally, the owner's commands and the two bounded queues.</summary>
public sealed class ControlPartsTests
{
    static readonly DeviceJob Job = DeviceJob.ForSha256d(7, new uint[8], new byte[12], new Target([0, 0, 0, 0, 0, 0, 0, 0xFFFFFFFF]), 0, 1000, 0, 60);

    static OutboxEntry Judged(DeviceVerdictCode code, bool resent, byte[]? hash = null) =>
        new(new FoundShare(Job, 1, hash ?? new byte[32]), "id", null) { Verdict = code, Resent = resent };

    [Fact]
    public void A_pending_verdict_counts_as_pending_until_the_final_one_and_an_unknown_code_is_refused_by_name()
    {
        var tally = new ShareTally();
        tally.CountPending();
        tally.CountPending();
        var status = new MinerStatus();
        tally.CopyTo(status);
        Assert.Equal(2, status.SharesPending);

        tally.CountVerdict(new OutboxEntry(new FoundShare(Job, 1, new byte[32]), "id", null) { Verdict = DeviceVerdictCode.Accepted, WasPending = true });
        tally.CopyTo(status);
        Assert.Equal((1, 1), (status.SharesPending, status.Accepted));
        Assert.Equal("accepted-pending", Firmware.Mqtt.DeviceMessages.VerdictName(DeviceVerdictCode.AcceptedPending));

        // A code from a newer gateway is refused with a message (the controller publishes it as a verdict_error
        // notice) and the share keeps waiting for a verdict it understands.
        byte[] newer = new DeviceVerdict(7, 1, DeviceVerdictCode.Accepted, "").Encode();
        newer[2] = 9;
        DeviceMessageException error = Assert.Throws<DeviceMessageException>(() => DeviceVerdict.Decode(newer));
        Assert.Contains("verdict code (byte 2) is 9, expected 0..8", error.Message);
    }

    [Fact]
    public void The_tally_counts_verdicts_and_a_resent_duplicate_is_no_rejection()
    {
        var tally = new ShareTally();
        tally.CountVerdict(Judged(DeviceVerdictCode.Accepted, false));
        tally.CountVerdict(Judged(DeviceVerdictCode.BlockFound, false));
        tally.CountVerdict(Judged(DeviceVerdictCode.RejectedStale, false));
        tally.CountVerdict(Judged(DeviceVerdictCode.RejectedDuplicate, resent: true));
        tally.CountVerdict(Judged(DeviceVerdictCode.RejectedDuplicate, resent: false));
        tally.CountVerdict(Judged(DeviceVerdictCode.RejectedUnknownJob, resent: true));
        Assert.Equal(0, tally.CountFound(kept: true));
        Assert.Equal(1, tally.CountFound(kept: false));

        var status = new MinerStatus();
        tally.CopyTo(status);
        Assert.Equal(2, status.Accepted);
        Assert.Equal(1, status.Stale);
        Assert.Equal(2, status.Rejected);
        Assert.Equal(2, status.SharesFound);
        Assert.Equal(1, status.SharesDropped);
    }

    [Fact]
    public void The_best_difficulty_is_that_of_the_best_accepted_hash()
    {
        var tally = new ShareTally();
        byte[] good = new byte[32];
        good[31] = 0x01; // little-endian: 2^248, far above diff1's target, so a tiny difficulty
        byte[] better = new byte[32];
        better[30] = 0x01; // 2^240: 256 times the difficulty of good
        // The zero hash below is the best possible, but it was not accepted: it must not count.
        tally.CountVerdict(Judged(DeviceVerdictCode.Accepted, false, good));
        tally.CountVerdict(Judged(DeviceVerdictCode.RejectedStale, false, new byte[32]));
        tally.CountVerdict(Judged(DeviceVerdictCode.Accepted, false, better));
        tally.CountVerdict(Judged(DeviceVerdictCode.Accepted, false, good));

        var status = new MinerStatus();
        tally.CopyTo(status);
        Assert.Equal(0, status.BestDifficulty.CompareTo(Difficulty.OfHash(better)));
        Assert.True(Difficulty.OfHash(better).CompareTo(Difficulty.OfHash(good)) > 0);
    }

    [Fact]
    public void Commands_pause_resume_and_retune_and_an_invalid_policy_is_refused_keeping_the_old_one()
    {
        var commands = new OwnerCommands("esp32-a", new GovernorPolicy { TargetMilliC = 70000, HardLimitMilliC = 80000 }, new EnergyGovernor(new EnergyPolicy()));

        Assert.True(Ok(commands.Handle("pause", [], false, null)));
        Assert.True(commands.Paused);
        Assert.True(Ok(commands.Handle("resume", [], false, null)));
        Assert.False(commands.Paused);

        using JsonDocument retuned = JsonDocument.Parse(commands.Handle("target_temperature", "60"u8.ToArray(), false, null));
        Assert.True(retuned.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(60, retuned.RootElement.GetProperty("value").GetDouble());
        Assert.Equal(60000, commands.TargetMilliC);

        // 80 °C is the hard limit: the target must stay at least 1 °C below it.
        using JsonDocument refused = JsonDocument.Parse(commands.Handle("target_temperature", "80"u8.ToArray(), false, null));
        Assert.False(refused.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("targetTemperatureC", refused.RootElement.GetProperty("error").GetString());
        Assert.Equal(60000, commands.TargetMilliC);

        Assert.True(Ok(commands.Handle("max_duty", "5"u8.ToArray(), false, null)));
        Assert.Equal(5, commands.MaxDutyPercent);
        Assert.False(Ok(commands.Handle("pause", [], retained: true, null)));
    }

    [Fact]
    public void The_inbox_and_the_notice_queue_are_bounded_and_keep_the_oldest_first()
    {
        var inbox = new MessageInbox();
        for (int i = 0; i < 40; i++)
        {
            inbox.Add("t/" + i, [], false);
        }

        int taken = 0;
        ReceivedMessage? message;
        while ((message = inbox.Take()) != null)
        {
            Assert.Equal("t/" + taken, message.Topic);
            taken++;
        }

        Assert.Equal(32, taken);

        var notices = new NoticeQueue();
        for (int i = 0; i < 10; i++)
        {
            notices.Add("{\"n\":" + i + "}");
        }

        Assert.Equal(8, notices.Count);
    }

    static bool Ok(string commandEvent)
    {
        using JsonDocument document = JsonDocument.Parse(commandEvent);
        return document.RootElement.GetProperty("ok").GetBoolean();
    }
}
