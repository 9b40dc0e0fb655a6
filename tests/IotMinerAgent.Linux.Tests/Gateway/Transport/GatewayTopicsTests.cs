using System;
using IotMinerAgent.Linux.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>Topic building and parsing: shared subscriptions, forwarding, device ids that cannot be trusted.</summary>
public sealed class GatewayTopicsTests
{
    readonly GatewayTopics _topics = new(12, "miners");

    [Fact]
    public void Filters_use_the_shared_group_for_device_topics_and_a_private_one_for_forwards()
    {
        Assert.Equal("$share/miners/iotminer/+/work_request", _topics.WorkRequestFilter);
        Assert.Equal("$share/miners/iotminer/+/device_share", _topics.DeviceShareFilter);
        Assert.Equal("iotminer/gateway/12/forward/+", _topics.ForwardFilter);
        Assert.Equal("iotminer/+/status", _topics.DeviceStatusFilter);
        Assert.Equal("iotminer/gateway/12/availability", _topics.Availability);
        Assert.Equal("iotminer/gateway/7/forward/esp-1", GatewayTopics.Forward(7, "esp-1"));
        Assert.Equal("iotminer/esp-1/work", GatewayTopics.Work("esp-1"));
        Assert.Equal("iotminer/esp-1/verdict", GatewayTopics.Verdict("esp-1"));
    }

    [Theory]
    [InlineData("iotminer/esp-1/work_request", GatewayTopicKind.WorkRequest, "esp-1")]
    [InlineData("iotminer/esp_2/device_share", GatewayTopicKind.DeviceShare, "esp_2")]
    [InlineData("iotminer/gateway/12/forward/esp-1", GatewayTopicKind.Forward, "esp-1")]
    [InlineData("iotminer/gateway/12/cmd/payout", GatewayTopicKind.Command, "payout")]
    [InlineData("iotminer/esp-1/status", GatewayTopicKind.Status, "esp-1")]
    public void Parses_what_it_subscribes_to(string topic, GatewayTopicKind kind, string subject)
        => Assert.Equal(new GatewayTopic(kind, subject), _topics.Parse(topic));

    [Theory]
    [InlineData("iotminer/esp-1/verdict")]
    [InlineData("iotminer/gateway/work_request")]
    [InlineData("iotminer/gateway/status")]
    [InlineData("iotminer/gateway/12/status")]
    [InlineData("iotminer/gateway/13/forward/esp-1")]
    [InlineData("iotminer/gateway/12/forward/bad id")]
    [InlineData("iotminer/gateway/12/forward/a/b")]
    [InlineData("iotminer/has space/device_share")]
    [InlineData("other/esp-1/device_share")]
    [InlineData("iotminer/esp-1/device_share/extra")]
    public void Refuses_topics_it_does_not_handle_or_device_ids_that_are_not_valid(string topic)
        => Assert.Null(_topics.Parse(topic));

    [Theory]
    [InlineData("a/b")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData(" x")]
    public void A_group_must_be_one_topic_level(string group)
    {
        var error = Assert.Throws<ArgumentException>(() => new GatewayTopics(0, group));
        Assert.Contains("one topic level", error.Message);
    }

    [Fact]
    public void Building_a_topic_for_an_invalid_device_names_the_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => GatewayTopics.Work("gateway"));
        Assert.Contains("other than 'gateway'", error.Message);
    }
}
