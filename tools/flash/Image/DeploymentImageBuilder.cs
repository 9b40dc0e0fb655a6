using System;
using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.Flash.Errors;

namespace IotMinerAgent.Flash.Image;

/// <summary>
/// Builds the deployment image nanoff flashes to the deployment partition: mscorlib.pe first, then the other
/// dependencies in the order given, then the application; each zero-padded to a multiple of 4 bytes; concatenated
/// with no header. The CLR walks the partition from offset 0, one AssemblyHeader after another, and expects each
/// "aligned at a 32 bit boundary" (nanoframework.github.io, content/architecture/pe-file.md, File Data Structure).
/// </summary>
public static class DeploymentImageBuilder
{
    /// <summary>Assemblies start on this boundary in the deployment region.</summary>
    public const int Alignment = 4;

    /// <summary>Builds the image; usage errors name the offending file.</summary>
    /// <param name="dependencies">The referenced .pe files, mscorlib.pe among them.</param>
    /// <param name="application">The application's .pe file, written last.</param>
    public static DeploymentImage Build(IReadOnlyList<string> dependencies, string application)
    {
        PeFile app = PeFile.Load(application);
        if (app.IsMscorlib)
        {
            throw new UsageException($"--app {application}: mscorlib is not an application; pass the application's .pe with --app.");
        }

        List<PeFile> libraries = dependencies.Select(PeFile.Load).ToList();
        PeFile mscorlib = libraries.FirstOrDefault(p => p.IsMscorlib) ?? throw new UsageException(
            "mscorlib.pe is missing: every deployment image starts with it; add --pe path/to/mscorlib.pe (the build copies it to the app's bin folder).");

        List<PeFile> ordered = new() { mscorlib };
        ordered.AddRange(libraries.Where(p => !p.IsMscorlib));
        ordered.Add(app);
        CheckDistinct(ordered);
        CheckSameFormat(ordered, mscorlib);
        return Concatenate(ordered);
    }

    /// <summary>Rounds a length up to the next multiple of <see cref="Alignment"/>.</summary>
    public static int Pad(int length) => (length + Alignment - 1) / Alignment * Alignment;

    private static void CheckDistinct(List<PeFile> files)
    {
        IGrouping<string, PeFile>? duplicate = files
            .GroupBy(f => f.AssemblyName, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"assembly {duplicate.Key} is given more than once ({string.Join(", ", duplicate.Select(f => f.Path))}); pass each .pe once.");
        }
    }

    private static void CheckSameFormat(List<PeFile> files, PeFile mscorlib)
    {
        PeFile? other = files.FirstOrDefault(f => f.Marker != mscorlib.Marker);
        if (other is not null)
        {
            throw new UsageException($"{other.Path} carries {other.Marker} but {mscorlib.Path} carries {mscorlib.Marker}: " +
                "the CLR accepts one format, so build every assembly with the same nanoFramework version.");
        }
    }

    private static DeploymentImage Concatenate(List<PeFile> files)
    {
        byte[] bytes = new byte[files.Sum(f => Pad(f.Content.Length))];
        List<DeploymentImageEntry> entries = new();
        int offset = 0;
        foreach (PeFile file in files)
        {
            file.Content.CopyTo(bytes, offset);
            int padded = Pad(file.Content.Length);
            entries.Add(new DeploymentImageEntry(file.AssemblyName, offset, file.Content.Length, padded));
            offset += padded;
        }

        return new DeploymentImage(entries, bytes);
    }
}
