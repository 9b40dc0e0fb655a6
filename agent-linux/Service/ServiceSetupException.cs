using System;

namespace IotMinerAgent.Linux.Service;

/// <summary>Installing, removing or inspecting the service failed; the message says what and how to fix it.</summary>
public sealed class ServiceSetupException(string message) : Exception(message);
