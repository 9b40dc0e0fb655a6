namespace IotMinerAgent.Flash.Targets;

/// <summary>
/// Where a nanoFramework partition table puts the deployment partition (ESP-IDF data partition, subtype 0x84) for
/// one flash size.
/// </summary>
/// <param name="FlashMegabytes">Flash size the table is for (nanoff picks the table by the chip's flash size).</param>
/// <param name="DeployOffset">Flash address of the deployment partition: where the deployment image goes.</param>
/// <param name="DeploySize">Size of the deployment partition in bytes: the largest image that fits.</param>
/// <param name="Source">Where the numbers come from, shown to the user with the address.</param>
public sealed record PartitionLayout(int FlashMegabytes, uint DeployOffset, uint DeploySize, string Source);
