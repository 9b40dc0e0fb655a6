namespace IotMinerAgent.Flash.Targets;

/// <summary>Where the deployment image goes, and where that answer came from.</summary>
/// <param name="Offset">Flash address passed to <c>nanoff --address</c>.</param>
/// <param name="Size">Size of the deployment partition, when known (an explicit <c>--address</c> has none).</param>
/// <param name="Source">The table or option the address comes from, shown to the user.</param>
public sealed record DeployLocation(uint Offset, uint? Size, string Source)
{
    /// <summary>The address as nanoff expects it: <c>0x</c> and upper-case hex.</summary>
    public string OffsetHex => FlashAddress.Format(Offset);
}
