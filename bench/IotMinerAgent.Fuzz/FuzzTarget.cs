using System;

namespace IotMinerAgent.Fuzz;

/// <summary>One parser under the fuzzer: its name, how one input is fed to it, and real inputs to start from.</summary>
/// <param name="Name">The name given on the command line.</param>
/// <param name="Run">Feeds one input; any exception escaping it is a bug (AFL records it as a crash).</param>
/// <param name="Seeds">Real, valid inputs: AFL mutates these.</param>
internal sealed record FuzzTarget(string Name, Action<byte[]> Run, Func<byte[][]> Seeds);
