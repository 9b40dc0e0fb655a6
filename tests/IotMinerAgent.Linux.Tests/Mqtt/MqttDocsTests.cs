using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Messages;
using IotMinerAgent.Linux.Tests.Docs;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>The examples in docs/mqtt.md are the contract: each must be exactly what the code reads and writes.</summary>
public sealed partial class MqttDocsTests
{
    static readonly string s_doc = MqttDoc.Text;

    static string[] Examples(string kind) =>
        [.. Example().Matches(s_doc).Where(m => m.Groups[1].Value == kind).Select(m => m.Groups[2].Value)];

    static string[] Keys(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).Order()];

    [Fact]
    public void Status_example_has_exactly_the_contract_fields_and_parses()
    {
        string example = Examples("status").Single();

        Assert.Equal(ContractMessageTests.StatusKeys.Order(), Keys(example));
        Assert.Equal(MqttContract.Version, JsonSerializer.Deserialize(example, MqttJsonContext.Default.StatusMessage)!.V);
    }

    [Fact]
    public void Share_example_has_exactly_the_contract_fields_and_parses()
    {
        string example = Examples("share").Single();

        Assert.Equal(ContractMessageTests.ShareKeys.Order(), Keys(example));
        Assert.Equal(ShareVerdict.Accepted, JsonSerializer.Deserialize(example, MqttJsonContext.Default.ShareMessage)!.Result);
    }

    [Fact]
    public void Event_examples_have_exactly_the_contract_fields_and_the_error_is_the_parser_s()
    {
        string[] examples = Examples("event");

        Assert.Equal(2, examples.Length);
        Assert.All(examples, e => Assert.Equal(ContractMessageTests.EventKeys.Order(), Keys(e)));
        EventMessage refused = JsonSerializer.Deserialize(examples[1], MqttJsonContext.Default.EventMessage)!;
        Assert.Equal(refused.Error, CommandParser.Parse("threads", "9"u8, 4).Error);
    }

    [Fact]
    public void Discovery_example_is_what_the_agent_publishes()
    {
        JsonNode example = JsonNode.Parse(Examples("discovery").Single())!;

        Assert.True(JsonNode.DeepEquals(HomeAssistantDiscovery.Build(new MqttTopics("pi-garage"), "0.1.0"), example),
            "docs/mqtt.md's discovery example differs from HomeAssistantDiscovery.Build(\"pi-garage\", \"0.1.0\")");
    }

    [GeneratedRegex(@"<!-- example: (\w+) -->\s*```json\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
