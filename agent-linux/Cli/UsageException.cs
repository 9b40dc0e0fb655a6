using System;

namespace IotMinerAgent.Linux.Cli;

/// <summary>A command-line argument is wrong: the message names the argument and what is expected.</summary>
public sealed class UsageException(string message) : Exception(message);
