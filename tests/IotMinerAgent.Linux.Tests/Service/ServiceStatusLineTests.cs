using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Service;

public class ServiceStatusLineTests
{
    [Fact]
    public void Formats_the_figures_as_one_line_with_units()
    {
        string line = ServiceStatusLine.Format(new ServiceStatusFigures(12_345_678, 57.24, 80, 120, 0, "stratum+tcp://pool.example.org:3333"));
        Assert.Equal("12.3 MH/s · 57.2 °C · duty 80 % · 120 accepted · pool pool.example.org:3333", line);
    }

    [Fact]
    public void Leaves_out_what_is_unknown_and_shows_rejects_only_when_there_are_some()
    {
        Assert.Equal("950.0 H/s · 0 accepted · pool demo — not earning", ServiceStatusLine.Format(new ServiceStatusFigures(950, null, null, 0, 0, null)));
        Assert.Equal("1.0 kH/s · 5 accepted · 2 rejected · pool demo — not earning", ServiceStatusLine.Format(new ServiceStatusFigures(1000, null, null, 5, 2, null)));
    }

    [Theory]
    [InlineData(0, "0.0 H/s")]
    [InlineData(999.94, "999.9 H/s")]
    [InlineData(1_500, "1.5 kH/s")]
    [InlineData(2_000_000_000, "2.0 GH/s")]
    [InlineData(3e15, "3000.0 TH/s")]
    [InlineData(-1, "0.0 H/s")]
    public void Rates_use_decimal_prefixes(double rate, string expected)
    {
        Assert.Equal(expected, HashRate.Format(rate));
    }

    [Theory]
    [InlineData("stratum+tcp://alice:s3cret@pool.example.org:3333", "pool.example.org:3333")]
    [InlineData("stratum+ssl://pool.example.org:443", "pool.example.org:443")]
    [InlineData("stratum+tcp://pool.example.org", "pool.example.org")]
    [InlineData("alice:s3cret@pool.example.org:3333", "pool.example.org:3333")]
    public void Pool_credentials_never_reach_the_status_line(string url, string shown)
    {
        string line = ServiceStatusLine.Format(new ServiceStatusFigures(1, null, null, 0, 0, url));
        Assert.EndsWith("pool " + shown, line);
        Assert.DoesNotContain("s3cret", line);
    }

    [Fact]
    public void Line_breaks_are_flattened_because_sd_notify_separates_assignments_by_newline()
    {
        Assert.Equal("a b c", ServiceStatusLine.OneLine("a\nb\r\nc"));
    }
}
