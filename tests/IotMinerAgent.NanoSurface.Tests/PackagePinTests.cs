using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IotMinerAgent.NanoSurface.Tests.Api;
using IotMinerAgent.NanoSurface.Tests.Compiling;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>
/// The nanoFramework projects' pins: packages.config and the .nfproj references agree, and every referenced assembly
/// has a committed API baseline at that version (so each pin is a release whose sources were read at its tag).
/// </summary>
public sealed partial class PackagePinTests
{
    public static TheoryData<string> Projects => new()
    {
        "firmware/Nano/IotMinerAgent.Firmware.Nano.nfproj",
        "firmware/Samples/SmartLamp/SmartLamp.nfproj",
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_reference_matches_packages_config_and_has_a_baseline_at_that_version(string project)
    {
        string path = Path.Combine(PortableSources.RepositoryRoot(), project);
        Dictionary<string, string> pinned = Pins(Path.Combine(Path.GetDirectoryName(path)!, "packages.config"));
        List<Reference> references = References(path);
        List<string> problems = [];

        foreach (Reference reference in references)
        {
            if (!pinned.TryGetValue(reference.Package, out string? version))
            {
                problems.Add($"{project}: {reference.Assembly} comes from {reference.Package}, which packages.config does not pin.");
            }
            else if (version != reference.Version || version != reference.IdentityVersion)
            {
                problems.Add($"{project}: {reference.Assembly} names {reference.Package} {reference.Version} (identity {reference.IdentityVersion}) but packages.config pins {version}.");
            }

            if (!Baseline.All.Any(b => b.Assembly == reference.Assembly && b.Version == reference.Version))
            {
                problems.Add($"{project}: no Baselines/{reference.Assembly}.{reference.Version}.txt: run tests/scripts/nano-baselines.sh for the new pin and commit its output.");
            }
        }

        problems.AddRange(pinned.Keys.Where(p => references.All(r => r.Package != p)).Select(p => $"{project}: packages.config pins {p}, which no reference uses: drop it."));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_core_library_pin_is_the_mscorlib_portable_code_compiles_against()
    {
        Dictionary<string, string> pinned = Pins(Path.Combine(PortableSources.RepositoryRoot(), "firmware/Nano/packages.config"));

        Assert.Equal(NanoToolchain.CoreLibraryVersion, pinned["nanoFramework.CoreLibrary"]);
        Assert.NotNull(Baseline.All.SingleOrDefault(b => b.Assembly == NanoToolchain.CoreLibraryName && b.Version == NanoToolchain.CoreLibraryVersion));
    }

    [Fact]
    public void Every_baseline_names_the_release_it_was_read_from()
    {
        Assert.All(Baseline.All, b => Assert.Matches($"tag v{Regex.Escape(b.Version)}", b.Origin));
    }

    private sealed record Reference(string Assembly, string IdentityVersion, string Package, string Version);

    private static Dictionary<string, string> Pins(string config)
    {
        return XDocument.Load(config).Descendants("package")
            .ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value);
    }

    private static List<Reference> References(string nfproj)
    {
        return XDocument.Load(nfproj).Descendants().Where(e => e.Name.LocalName == "Reference")
            .Select(e =>
            {
                string include = e.Attribute("Include")!.Value;
                string hint = e.Elements().Single(h => h.Name.LocalName == "HintPath").Value;
                Match identity = IdentityPattern().Match(include);
                Match package = HintPathPattern().Match(hint);
                Assert.True(identity.Success, $"{nfproj}: reference '{include}' is not a full identity (Name, Version=x.y.z.0, Culture=neutral, PublicKeyToken=c07d481e9758c731).");
                Assert.True(package.Success, $"{nfproj}: HintPath '{hint}' is not packages\\<id>.<version>\\lib\\<assembly>.dll.");
                Assert.Equal(identity.Groups["name"].Value, package.Groups["assembly"].Value);
                return new Reference(package.Groups["assembly"].Value, identity.Groups["version"].Value, package.Groups["id"].Value, package.Groups["version"].Value);
            })
            .ToList();
    }

    [GeneratedRegex(@"^(?<name>[^,]+), Version=(?<version>\d+\.\d+\.\d+)\.0, Culture=neutral, PublicKeyToken=c07d481e9758c731$")]
    private static partial Regex IdentityPattern();

    [GeneratedRegex(@"packages\\(?<id>[A-Za-z.0-9]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\(?<assembly>[A-Za-z.0-9]+)\.dll$")]
    private static partial Regex HintPathPattern();
}
