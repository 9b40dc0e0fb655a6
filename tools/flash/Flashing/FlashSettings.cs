using System.Collections.Generic;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>The <c>flash</c> verb's options as given (paths absolute).</summary>
/// <param name="Target">Target name.</param>
/// <param name="Port">Serial port, or null to discover it.</param>
/// <param name="FlashMegabytes">Flash size, picks the partition table.</param>
/// <param name="Application">The application's .pe.</param>
/// <param name="Libraries">Referenced .pe files or directories.</param>
/// <param name="ConfigFile">Device configuration JSON, or null.</param>
/// <param name="Overrides">key=value overrides.</param>
/// <param name="OwnerConsent">The owner passed <c>--consent</c>: the board may mine.</param>
/// <param name="OutputDirectory">Where the files go.</param>
/// <param name="NanoffPath">Explicit nanoff, or null to search.</param>
/// <param name="Address">Explicit deploy address, or null.</param>
/// <param name="PartitionTable">Explicit partition table CSV, or null.</param>
/// <param name="FromStep">First step to run.</param>
/// <param name="DryRun">Print, run nothing.</param>
public sealed record FlashSettings(
    string Target,
    string? Port,
    int FlashMegabytes,
    string Application,
    IReadOnlyList<string> Libraries,
    string? ConfigFile,
    IReadOnlyList<string> Overrides,
    bool OwnerConsent,
    string OutputDirectory,
    string? NanoffPath,
    string? Address,
    string? PartitionTable,
    int FromStep,
    bool DryRun);
