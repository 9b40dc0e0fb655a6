using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Image;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Image;

public class DeploymentImageBuilderTests
{
    // The format, written out naively: each file, then zeros up to the next multiple of 4, nothing else.
    private static byte[] Expected(params byte[][] files)
    {
        List<byte> image = new();
        foreach (byte[] file in files)
        {
            image.AddRange(file);
            while (image.Count % 4 != 0)
            {
                image.Add(0);
            }
        }

        return image.ToArray();
    }

    [Fact]
    public void Pads_each_assembly_with_zeros_to_a_multiple_of_4_and_concatenates_without_a_header()
    {
        using TempDirectory dir = new();
        string mscorlib = PeFiles.Write(dir.Path, "mscorlib", 3);   // 11 bytes -> 12
        string math = PeFiles.Write(dir.Path, "System.Math", 8);    // 16 bytes -> 16
        string app = PeFiles.Write(dir.Path, "App", 1);             // 9 bytes -> 12

        DeploymentImage image = DeploymentImageBuilder.Build(new[] { mscorlib, math }, app);

        Assert.Equal(Expected(File.ReadAllBytes(mscorlib), File.ReadAllBytes(math), File.ReadAllBytes(app)), image.Bytes);
        Assert.Equal(40, image.Bytes.Length);
        Assert.Equal(new[] { 0, 12, 28 }, image.Entries.Select(e => e.Offset));
        Assert.Equal(new[] { 11, 16, 9 }, image.Entries.Select(e => e.Length));
    }

    [Fact]
    public void Matches_the_format_for_random_sizes_and_every_assembly_starts_on_a_4_byte_boundary()
    {
        Gen.Int[0, 40].Array[1, 5].Sample(bodies =>
        {
            using TempDirectory dir = new();
            string mscorlib = PeFiles.Write(dir.Path, "mscorlib", bodies[0]);
            string[] libraries = bodies.Skip(1).Select((b, i) => PeFiles.Write(dir.Path, "Lib" + i, b)).Prepend(mscorlib).ToArray();
            string app = PeFiles.Write(dir.Path, "App", bodies.Length);

            DeploymentImage image = DeploymentImageBuilder.Build(libraries, app);

            byte[][] files = libraries.Append(app).Select(File.ReadAllBytes).ToArray();
            Assert.Equal(Expected(files), image.Bytes);
            Assert.All(image.Entries, e => Assert.Equal(0, e.Offset % 4));
            Assert.All(image.Entries, e => Assert.Equal("NFMRK1", System.Text.Encoding.ASCII.GetString(image.Bytes, e.Offset, 6)));
        }, iter: 50);
    }

    [Fact]
    public void Puts_mscorlib_first_keeps_the_other_dependencies_in_the_given_order_and_the_app_last()
    {
        using TempDirectory dir = new();
        string zeta = PeFiles.Write(dir.Path, "Zeta", 4);
        string mscorlib = PeFiles.Write(dir.Path, "mscorlib", 4);
        string alpha = PeFiles.Write(dir.Path, "Alpha", 4);
        string app = PeFiles.Write(dir.Path, "App", 4);

        DeploymentImage image = DeploymentImageBuilder.Build(new[] { zeta, mscorlib, alpha }, app);

        Assert.Equal(new[] { "mscorlib", "Zeta", "Alpha", "App" }, image.Entries.Select(e => e.AssemblyName));
    }

    [Fact]
    public void Requires_mscorlib()
    {
        using TempDirectory dir = new();
        string math = PeFiles.Write(dir.Path, "System.Math", 4);
        string app = PeFiles.Write(dir.Path, "App", 4);

        UsageException e = Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { math }, app));

        Assert.Contains("mscorlib.pe is missing", e.Message);
        Assert.Contains("--pe", e.Message);
    }

    [Fact]
    public void Refuses_a_dotnet_dll_and_says_so()
    {
        using TempDirectory dir = new();
        string mscorlib = PeFiles.Write(dir.Path, "mscorlib", 4);
        string dll = dir.Write("App.dll", "MZ\u0090\0 this is a Windows PE");

        UsageException e = Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { mscorlib }, dll));

        Assert.Contains(dll, e.Message);
        Assert.Contains("not a nanoFramework .pe file", e.Message);
        Assert.Contains("MZ", e.Message);
    }

    [Theory]
    [InlineData("NFMRK3xxxxxx", "4E464D524B33")]
    [InlineData("NFM", "only 3 bytes")]
    public void Refuses_a_file_without_the_marker(string content, string shown)
    {
        using TempDirectory dir = new();
        string mscorlib = dir.Write("mscorlib.pe", content);
        string app = PeFiles.Write(dir.Path, "App", 4);

        UsageException e = Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { mscorlib }, app));

        Assert.Contains(shown, e.Message);
        Assert.Contains("NFMRK1", e.Message);
    }

    [Fact]
    public void Accepts_the_2_0_marker_when_every_assembly_carries_it()
    {
        using TempDirectory dir = new();
        string mscorlib = PeFiles.Write(dir.Path, "mscorlib", 4, "NFMRK2");
        string app = PeFiles.Write(dir.Path, "App", 4, "NFMRK2");

        Assert.Equal(2, DeploymentImageBuilder.Build(new[] { mscorlib }, app).Entries.Count);
    }

    [Fact]
    public void Refuses_assemblies_of_different_formats()
    {
        using TempDirectory dir = new();
        string mscorlib = PeFiles.Write(dir.Path, "mscorlib", 4, "NFMRK1");
        string app = PeFiles.Write(dir.Path, "App", 4, "NFMRK2");

        UsageException e = Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { mscorlib }, app));

        Assert.Contains("carries NFMRK2", e.Message);
        Assert.Contains("same nanoFramework version", e.Message);
    }

    [Fact]
    public void Refuses_an_assembly_given_twice_and_mscorlib_as_the_app()
    {
        using TempDirectory dir = new();
        string mscorlib = PeFiles.Write(dir.Path, "mscorlib", 4);
        string math = PeFiles.Write(dir.Path, "System.Math", 4);
        string app = PeFiles.Write(dir.Path, "App", 4);

        Assert.Contains("more than once", Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { mscorlib, math, math }, app)).Message);
        Assert.Contains("not an application", Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { math }, mscorlib)).Message);
    }

    [Fact]
    public void A_directory_stands_for_its_pe_files_in_ordinal_order_without_the_app()
    {
        using TempDirectory dir = new();
        string bin = dir.Combine("bin");
        PeFiles.Write(bin, "b", 1);
        PeFiles.Write(bin, "B", 1);
        PeFiles.Write(bin, "a", 1);
        string app = PeFiles.Write(bin, "App", 1);
        dir.Write("bin/App.dll", "MZ");
        string extra = PeFiles.Write(dir.Combine("other"), "Extra", 1);

        IReadOnlyList<string> files = PeInputs.Expand(new[] { extra, app, bin }, app);

        Assert.Equal(new[] { "Extra.pe", "B.pe", "a.pe", "b.pe" }, files.Select(Path.GetFileName));
    }

    [Fact]
    public void Names_a_missing_file()
    {
        using TempDirectory dir = new();
        string app = PeFiles.Write(dir.Path, "App", 1);
        string missing = dir.Combine("nope", "mscorlib.pe");

        Assert.Contains(missing + ": file not found", Assert.Throws<UsageException>(() => DeploymentImageBuilder.Build(new[] { missing }, app)).Message);
    }
}
