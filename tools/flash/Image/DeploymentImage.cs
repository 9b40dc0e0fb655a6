using System.Collections.Generic;

namespace IotMinerAgent.Flash.Image;

/// <summary>A deployment image: the assemblies in the order they are written, and the bytes nanoff flashes.</summary>
/// <param name="Entries">Each assembly with its place in the image.</param>
/// <param name="Bytes">The image.</param>
public sealed record DeploymentImage(IReadOnlyList<DeploymentImageEntry> Entries, byte[] Bytes);

/// <summary>One assembly inside a deployment image.</summary>
/// <param name="AssemblyName">The assembly name.</param>
/// <param name="Offset">Where its header starts in the image (a multiple of 4).</param>
/// <param name="Length">Its length in the .pe file.</param>
/// <param name="PaddedLength">Its length in the image, rounded up to a multiple of 4.</param>
public sealed record DeploymentImageEntry(string AssemblyName, int Offset, int Length, int PaddedLength);
