using IotMinerAgent.Flash.Image;
using IotMinerAgent.Flash.Targets;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>Everything the flash sequence needs, resolved and validated before any step runs.</summary>
/// <param name="Target">The firmware target.</param>
/// <param name="Port">The serial port.</param>
/// <param name="FlashMegabytes">The board's flash size, which picks the partition table.</param>
/// <param name="Location">Where the deployment image goes.</param>
/// <param name="Image">The deployment image.</param>
/// <param name="ApplicationName">The application's assembly name, looked for on the board by the verify step.</param>
/// <param name="Artifacts">The files the commands read.</param>
/// <param name="FirmwareCacheDirectory">nanoff's firmware cache, named in hints about the partition table.</param>
public sealed record FlashRequest(
    BoardTarget Target,
    string Port,
    int FlashMegabytes,
    DeployLocation Location,
    DeploymentImage Image,
    string ApplicationName,
    FlashArtifacts Artifacts,
    string FirmwareCacheDirectory);
