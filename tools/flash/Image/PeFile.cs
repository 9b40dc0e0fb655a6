using System;
using System.IO;
using System.Text;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Image;

/// <summary>
/// One nanoFramework assembly (.pe) as the metadata processor writes it. Its AssemblyHeader starts with an 8-byte
/// marker (nanoframework.github.io, content/architecture/pe-file/AssemblyHeader.md): "NFMRK1" for the 1.x format,
/// "NFMRK2" for the 2.0 format that added generics. Stable nanoFramework 1.x (what the firmware targets) writes NFMRK1.
/// </summary>
public sealed class PeFile
{
    /// <summary>Marker of nanoFramework 1.x assemblies.</summary>
    public const string MarkerV1 = "NFMRK1";

    /// <summary>Marker of nanoFramework 2.0 assemblies (generics).</summary>
    public const string MarkerV2 = "NFMRK2";

    private PeFile(string path, string assemblyName, byte[] content, string marker)
    {
        Path = path;
        AssemblyName = assemblyName;
        Content = content;
        Marker = marker;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The assembly name: the file name without <c>.pe</c> (the metadata processor names the file after the assembly).</summary>
    public string AssemblyName { get; }

    /// <summary>The file's bytes.</summary>
    public byte[] Content { get; }

    /// <summary>The header marker, <see cref="MarkerV1"/> or <see cref="MarkerV2"/>.</summary>
    public string Marker { get; }

    /// <summary>True for mscorlib, which every deployment image starts with.</summary>
    public bool IsMscorlib => string.Equals(AssemblyName, "mscorlib", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and checks a .pe file; a usage error says what is wrong with it.</summary>
    public static PeFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: file not found.");
        }

        byte[] content = File.ReadAllBytes(path);
        string marker = content.Length >= MarkerV1.Length ? Encoding.ASCII.GetString(content, 0, MarkerV1.Length) : string.Empty;
        if (marker != MarkerV1 && marker != MarkerV2)
        {
            throw new UsageException($"{path}: not a nanoFramework .pe file ({Describe(content)}); " +
                $"pass the .pe files the nanoFramework build writes to bin/<Configuration> (they start with {MarkerV1}).");
        }

        string name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".pe", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return new PeFile(path, name, content, marker);
    }

    private static string Describe(byte[] content)
    {
        if (content.Length >= 2 && content[0] == (byte)'M' && content[1] == (byte)'Z')
        {
            return "it starts with MZ: a Windows/.NET DLL, not the nanoFramework .pe next to it";
        }

        return content.Length < MarkerV1.Length
            ? $"only {content.Length} bytes long"
            : $"it starts with {Convert.ToHexString(content, 0, MarkerV1.Length)} instead of {MarkerV1} or {MarkerV2}";
    }
}
