using System;
using MQTTnet;

namespace IotMinerAgent.Linux.Mqtt.Connection;

/// <summary>
/// The broker refused the session: it answered the CONNECT with a refusal, or refused what the session needs (MQTT 5,
/// a subscription); the message names the broker, the cause and the fix.
/// </summary>
public sealed class MqttBrokerRefusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="result"/> from the broker of <paramref name="settings"/>.</summary>
    public MqttBrokerRefusedException(MqttSessionSettings settings, MqttClientConnectResult result)
        : base($"MQTT broker {settings.Host}:{settings.Port} refused client '{settings.ClientId}': {result.ResultCode}{(string.IsNullOrEmpty(result.ReasonString) ? "" : " (" + result.ReasonString + ")")}; {Hint(result.ResultCode)}")
    {
        ResultCode = result.ResultCode;
    }

    /// <summary>Creates the exception for a refusal that <paramref name="message"/> describes (names the broker and the fix).</summary>
    public MqttBrokerRefusedException(string message, MqttClientConnectResultCode? resultCode = null)
        : base(message)
    {
        ResultCode = resultCode;
    }

    /// <summary>The broker's CONNACK reason code; null when the refusal came later (a subscription).</summary>
    public MqttClientConnectResultCode? ResultCode { get; }

    static string Hint(MqttClientConnectResultCode code) => code switch
    {
        MqttClientConnectResultCode.BadUserNameOrPassword => "check mqtt:username and mqtt:password",
        MqttClientConnectResultCode.NotAuthorized => "the broker does not allow this user or client id; check its ACL and mqtt:username",
        MqttClientConnectResultCode.ClientIdentifierNotValid => "the broker rejects the client id; set mqtt:deviceId to a shorter id",
        MqttClientConnectResultCode.UnsupportedProtocolVersion => "set mqtt:protocol to auto or to the version the broker speaks",
        _ => "see the broker's log",
    };
}
