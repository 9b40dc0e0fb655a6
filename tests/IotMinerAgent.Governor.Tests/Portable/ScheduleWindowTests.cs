using CsCheck;

namespace IotMinerAgent.Governor.Tests.Portable;

public sealed class ScheduleWindowTests
{
    [Theory]
    [InlineData("22:00-07:00", 1320, 420)]
    [InlineData(" 9:30 - 17:45 ", 570, 1065)]
    [InlineData("00:00-23:59", 0, 1439)]
    public void Parses_hours_and_minutes(string text, int start, int end)
    {
        Assert.True(ScheduleWindow.TryParse(text, out ScheduleWindow window));
        Assert.Equal(start, window.StartMinute);
        Assert.Equal(end, window.EndMinute);
    }

    [Theory]
    [InlineData("")]
    [InlineData("22:00")]
    [InlineData("24:00-07:00")]
    [InlineData("22:60-07:00")]
    [InlineData("22:0-07:00")]
    [InlineData("2a:00-07:00")]
    [InlineData("-1:00-07:00")]
    [InlineData("22:00-07:00:00")]
    public void Rejects_text_that_is_not_a_window(string text)
    {
        Assert.False(ScheduleWindow.TryParse(text, out _));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_wraps_past_midnight()
    {
        Assert.True(ScheduleWindow.TryParse("22:00-07:00", out ScheduleWindow night));

        Assert.True(night.Contains(22 * 60));
        Assert.True(night.Contains(23 * 60 + 59));
        Assert.True(night.Contains(0));
        Assert.True(night.Contains(6 * 60 + 59));
        Assert.False(night.Contains(7 * 60));
        Assert.False(night.Contains(21 * 60 + 59));
        Assert.False(night.Contains(12 * 60));
    }

    [Fact]
    public void Contains_matches_walking_the_clock_from_start_to_end()
    {
        Gen.Select(Gen.Int[0, 1439], Gen.Int[0, 1439], Gen.Int[0, 1439])
            .Where((start, end, _) => start != end)
            .Sample((start, end, minute) =>
            {
                bool walked = false;
                for (int m = start; m != end; m = (m + 1) % 1440)
                {
                    walked |= m == minute;
                }

                Assert.Equal(walked, new ScheduleWindow(start, end).Contains(minute));
            });
    }

    [Fact]
    public void Prints_as_it_parses()
    {
        Gen.Select(Gen.Int[0, 1439], Gen.Int[0, 1439]).Sample((start, end) =>
        {
            string text = new ScheduleWindow(start, end).ToString();
            Assert.True(ScheduleWindow.TryParse(text, out ScheduleWindow parsed));
            Assert.Equal((start, end), (parsed.StartMinute, parsed.EndMinute));
        });
    }

    [Fact]
    public void An_empty_window_is_not_valid()
    {
        Assert.False(new ScheduleWindow(600, 600).IsValid);
        Assert.False(new ScheduleWindow(0, 1440).IsValid);
        Assert.True(new ScheduleWindow(1439, 0).IsValid);
    }
}
