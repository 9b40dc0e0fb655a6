using System;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>The broker refused what the gateway needs (MQTT 5, a subscription); the message names the fix.</summary>
public sealed class GatewayBrokerException(string message) : Exception(message);
