using System;
using MQTTnet;

namespace IotMinerAgent.Linux.Mqtt;

/// <summary>The broker answered the CONNECT with a refusal; the message names the broker, the code and the fix.</summary>
public sealed class MqttBrokerRefusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="result"/> from the broker of <paramref name="settings"/>.</summary>
    public MqttBrokerRefusedException(MqttSessionSettings settings, MqttClientConnectResult result)
        : base($"MQTT broker {settings.Host}:{settings.Port} refused client '{settings.ClientId}': {result.ResultCode}{(string.IsNullOrEmpty(result.ReasonString) ? "" : " (" + result.ReasonString + ")")}; {Hint(result.ResultCode)}")
    {
        ResultCode = result.ResultCode;
    }

    /// <summary>The broker's reason code.</summary>
    public MqttClientConnectResultCode ResultCode { get; }

    static string Hint(MqttClientConnectResultCode code) => code switch
    {
        MqttClientConnectResultCode.BadUserNameOrPassword => "check mqtt:username and mqtt:password",
        MqttClientConnectResultCode.NotAuthorized => "the broker does not allow this user or client id; check its ACL and mqtt:username",
        MqttClientConnectResultCode.ClientIdentifierNotValid => "the broker rejects the client id; set mqtt:deviceId to a shorter id",
        MqttClientConnectResultCode.UnsupportedProtocolVersion => "set mqtt:protocol to auto or to the version the broker speaks",
        _ => "see the broker's log",
    };
}
