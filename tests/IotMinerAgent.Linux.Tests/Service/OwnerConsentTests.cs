using IotMinerAgent.Linux.Service;

namespace IotMinerAgent.Linux.Tests.Service;

public class OwnerConsentTests
{
    [Theory]
    [InlineData("{ \"consent\": true }")]
    [InlineData("{ \"Consent\": true }")]
    [InlineData("{ \"consent\": \"true\" }")]
    [InlineData("// comment\n{\n  // \"consent\": false\n  \"consent\": true, /* trailing comma */\n}")]
    public void Consent_is_given_only_by_a_top_level_true(string json)
    {
        Assert.Equal(new ConsentReading(true, "consent: true"), OwnerConsent.Parse(json));
    }

    [Theory]
    [InlineData("{ \"consent\": false }", "consent: false")]
    [InlineData("{ }", "consent: not set (false)")]
    [InlineData("{ \"mining\": { \"consent\": true } }", "consent: not set (false)")]
    [InlineData("{\n  // \"consent\": true\n}", "consent: not set (false)")]
    [InlineData("{ \"consent\": 1 }", "consent: 1 is not true or false")]
    [InlineData("{ \"consent\": true", "not valid JSON")]
    [InlineData("[true]", "not a JSON object")]
    public void Anything_else_is_no_consent_with_the_reason(string json, string summary)
    {
        ConsentReading reading = OwnerConsent.Parse(json);
        Assert.False(reading.IsGiven);
        Assert.StartsWith(summary, reading.Summary);
    }

    [Fact]
    public void The_example_configuration_parses_and_gives_no_consent()
    {
        Assert.Equal(new ConsentReading(false, "consent: false"), OwnerConsent.Parse(EmbeddedFiles.ExampleConfig));
    }

    [Fact]
    public void An_unreadable_file_is_no_consent()
    {
        ConsentReading reading = OwnerConsent.Read("/nonexistent/iotminer.json");
        Assert.False(reading.IsGiven);
        Assert.StartsWith("cannot read it:", reading.Summary);
    }
}
