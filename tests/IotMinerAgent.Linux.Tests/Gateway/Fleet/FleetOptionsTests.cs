using System;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

public class FleetOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new FleetOptions().Validate());

    [Theory]
    [InlineData("instance", "gateway:instance 256 is out of range: use 0..255")]
    [InlineData("interval", "gateway:shareIntervalSeconds 0 is out of range")]
    [InlineData("max", "gateway:maxDifficulty 0.001 must lie in 1e-12..1e15 and be at least gateway:minDifficulty (1)")]
    [InlineData("lifetime", "gateway:jobLifetimeSeconds 0 is out of range")]
    [InlineData("rate", "gateway:maxSharesPerSecond -1 is out of range")]
    [InlineData("jobs", "gateway:maxJobsPerDevice 0 is out of range: use 1..64")]
    [InlineData("lag", "gateway:overloadLagSeconds 0.001 is out of range: use 0 (off) or 0.01..3600 seconds")]
    public void Each_bad_setting_is_named_with_its_fix(string which, string message)
    {
        var options = new FleetOptions();
        switch (which)
        {
            case "instance": options.Instance = 256; break;
            case "interval": options.ShareIntervalSeconds = 0; break;
            case "max": options.MinDifficulty = 1; options.MaxDifficulty = 0.001; break;
            case "lifetime": options.JobLifetimeSeconds = 0; break;
            case "rate": options.MaxSharesPerSecond = -1; break;
            case "jobs": options.MaxJobsPerDevice = 0; break;
            case "lag": options.OverloadLagSeconds = 0.001; break;
        }

        Assert.Contains(options.Validate(), p => p.StartsWith(message, StringComparison.Ordinal));
        ArgumentException error = Assert.Throws<ArgumentException>(() => new FleetDispatcher(new FakeUpstream(), new RecordingLedger(), options, TimeProvider.System, new Stratum.CapturingLogger()));
        Assert.Contains(message, error.Message);
    }
}
