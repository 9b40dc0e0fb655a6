using System;
using System.Collections.Generic;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>One nanoff invocation of a step, and the check of what it printed.</summary>
/// <param name="Arguments">The arguments after <c>nanoff</c>.</param>
/// <param name="Check">Reads nanoff's output once it exited with 0; null when the exit code says it all.</param>
public sealed record NanoffCommand(IReadOnlyList<string> Arguments, Func<string, CheckOutcome>? Check = null);

/// <summary>A numbered step of the flash sequence; <c>--from-step N</c> skips the steps before N.</summary>
/// <param name="Number">1-based position.</param>
/// <param name="Name">Short name used in messages, e.g. <c>deploy</c>.</param>
/// <param name="Title">What the step does, printed when it starts.</param>
/// <param name="Commands">The nanoff invocations, in order (none for a local step).</param>
/// <param name="Summary">A line printed after the step succeeded, or empty.</param>
public sealed record FlashStep(int Number, string Name, string Title, IReadOnlyList<NanoffCommand> Commands, string Summary = "");
