using System;
using System.Linq;
using System.Runtime.InteropServices;
using IotMinerAgent.Hashing.Engines;
using Xunit.Abstractions;

namespace IotMinerAgent.Hashing.Tests.Engines;

public class EngineCatalogTests
{
    private readonly ITestOutputHelper _output;

    public EngineCatalogTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Fastest_sha256d_engine_is_the_first_supported_and_on_x86_the_widest()
    {
        var supported = EngineCatalog.Supported(Algorithms.Sha256d);
        INonceScanner fastest = EngineCatalog.Fastest(Algorithms.Sha256d);

        // engine-matrix.sh reads this line to show which engine each DOTNET_Enable* setting leaves.
        _output.WriteLine($"FASTEST sha256d={fastest.Name} lanes={fastest.Lanes} supported={string.Join(",", supported.Select(e => e.Name))}");
        Assert.Same(supported[0], fastest);
        if (RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86)
        {
            Assert.Equal(supported.Max(engine => engine.Lanes), fastest.Lanes);
        }
    }

    [Fact]
    public void Every_algorithm_with_engines_ends_with_its_scalar_reference_which_always_runs()
    {
        foreach (string algorithm in EngineCatalog.All.Select(engine => engine.Algorithm).Distinct())
        {
            var supported = EngineCatalog.Supported(algorithm);
            Assert.Equal("scalar", supported[^1].Name);
            Assert.Equal(1, supported[^1].Lanes);
        }

        Assert.IsType<Sha256dScalarScanner>(EngineCatalog.Supported(Algorithms.Sha256d)[^1]);
    }

    [Fact]
    public void All_lists_every_sha256d_engine_of_the_build_once_supported_or_not()
    {
        string[] names = EngineCatalog.All.Where(engine => engine.Algorithm == Algorithms.Sha256d).Select(engine => engine.Name).ToArray();
        string vectorName = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "neon" : "vector128";

        Assert.Equal(new[] { "avx512", "avx2", "arm-sha2", vectorName, "scalar" }, names);
        Assert.Subset(EngineCatalog.All.ToHashSet(), EngineCatalog.Supported(Algorithms.Sha256d).ToHashSet());
    }

    [Fact]
    public void Find_returns_the_named_engine_ignoring_case()
    {
        INonceScanner fastest = EngineCatalog.Fastest(Algorithms.Sha256d);

        Assert.Same(fastest, EngineCatalog.Find(Algorithms.Sha256d, fastest.Name.ToUpperInvariant()));
        Assert.IsType<Sha256dScalarScanner>(EngineCatalog.Find(Algorithms.Sha256d, "scalar"));
    }

    [Fact]
    public void Find_names_the_engines_that_run_here_when_the_name_is_unknown()
    {
        var error = Assert.Throws<ArgumentException>(() => EngineCatalog.Find(Algorithms.Sha256d, "gpu"));

        Assert.Contains("'gpu'", error.Message);
        Assert.Contains(string.Join(", ", EngineCatalog.Supported(Algorithms.Sha256d).Select(e => e.Name)), error.Message);
    }

    [Fact]
    public void Find_explains_when_an_engine_exists_but_cannot_run_here()
    {
        // arm-sha2 cannot run on x86 and avx512 cannot run on ARM: one of them is always unsupported.
        INonceScanner unsupported = EngineCatalog.All.First(engine => engine.Algorithm == Algorithms.Sha256d && !EngineCatalog.Supported(Algorithms.Sha256d).Contains(engine));

        var error = Assert.Throws<ArgumentException>(() => EngineCatalog.Find(Algorithms.Sha256d, unsupported.Name));

        Assert.Contains(unsupported.Name, error.Message);
        Assert.Contains("does not offer", error.Message);
        Assert.Contains("scalar", error.Message);
    }

    [Fact]
    public void Unknown_algorithms_are_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => EngineCatalog.Fastest("x11"));

        Assert.Contains("'x11'", error.Message);
        Assert.Contains(Algorithms.Sha256d, error.Message);
    }
}
