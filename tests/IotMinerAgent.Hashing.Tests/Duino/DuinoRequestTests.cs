using System;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Hashing.Tests.Duino;

/// <summary>The lines a miner sends, compared with lines written out by hand from the official miners' format.</summary>
public class DuinoRequestTests
{
    [Fact]
    public void Job_request_with_key_and_iot_field()
    {
        Assert.Equal("JOB,alice,ESP32,s3cret,Temp:48.2*C\n", DuinoRequests.Job("alice", DuinoTiers.Esp32, "s3cret", "Temp:48.2*C"));
    }

    [Fact]
    public void Job_request_without_key_sends_None_and_leaves_out_an_empty_iot_field()
    {
        Assert.Equal("JOB,bob,NET,None\n", DuinoRequests.Job("bob", DuinoTiers.Net, "", ""));
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a\nb")]
    [InlineData("")]
    public void Job_request_refuses_a_user_that_would_break_the_line(string user)
    {
        Assert.Throws<ArgumentException>(() => DuinoRequests.Job(user, DuinoTiers.Low, "", ""));
    }

    [Fact]
    public void Submit_line_with_chip_id()
    {
        // 175514 is the nonce of tests/vectors/duco-s1.json; 123456.789 H/s truncates to 123456.78.
        Assert.Equal(
            "175514,123456.78,IotMinerAgent 1.0,kitchen-pi,DUCOID0A1B2C,4242\n",
            DuinoRequests.Submit(175514, 123456.789, "IotMinerAgent 1.0", "kitchen-pi", "0A1B2C", 4242));
    }

    [Fact]
    public void Submit_line_without_chip_id_leaves_the_field_empty_like_the_pc_miner()
    {
        Assert.Equal("7,5.00,M 1,rig,,1\n", DuinoRequests.Submit(7, 5, "M 1", "rig", "", 1));
    }

    [Theory]
    [InlineData(0.0, "0.00")]
    [InlineData(0.999, "0.99")]
    [InlineData(1999.996, "1999.99")]
    [InlineData(6800000.999, "6800000.99")]
    public void Hash_rate_is_truncated_to_two_decimals(double rate, string text)
    {
        Assert.Equal(text, DuinoRequests.Rate(rate));
    }

    [Fact]
    public void Submit_refuses_a_negative_or_missing_rate()
    {
        Assert.Throws<ArgumentException>(() => DuinoRequests.Submit(1, -1, "M", "rig", "", 1));
        Assert.Throws<ArgumentException>(() => DuinoRequests.Submit(1, double.NaN, "M", "rig", "", 1));
    }

    [Fact]
    public void Ping_and_motd_are_single_words()
    {
        Assert.Equal("PING\n", DuinoRequests.Ping);
        Assert.Equal("Pong!", DuinoRequests.Pong);
        Assert.Equal("MOTD\n", DuinoRequests.Motd);
    }
}
