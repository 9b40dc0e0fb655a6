using IotMinerAgent.Linux.Platform;
using Features = IotMinerAgent.Linux.Platform.InstructionSetVariant.Features;

namespace IotMinerAgent.Linux.Tests.Platform;

public sealed class InstructionSetVariantTests
{
    // What CPUID and the kernel report on real CPUs: an AVX-512 server core (Ice Lake, Zen 4), an AVX2 desktop core
    // without AVX-512 (Alder Lake, Zen 3), and a Jasper Lake Celeron (no AVX at all, but MOVBE and LZCNT).
    const Features Level3 = Features.Avx | Features.Avx2 | Features.Bmi1 | Features.Bmi2 | Features.Fma | Features.Lzcnt | Features.Movbe;
    const Features Avx512 = Level3 | Features.Avx512F | Features.Avx512BW | Features.Avx512CD | Features.Avx512DQ | Features.Avx512VL;
    const Features Avx2Only = Level3;
    const Features NoAvx = Features.Lzcnt | Features.Movbe;

    static bool BothShipped(string level) => true;

    [Fact]
    public void An_avx512_cpu_gets_the_v4_build_an_avx2_cpu_the_v3_build_and_an_older_cpu_stays_on_the_baseline()
    {
        Assert.Equal("x86-64-v4", InstructionSetVariant.Choose(Avx512, BothShipped));
        Assert.Equal("x86-64-v3", InstructionSetVariant.Choose(Avx2Only, BothShipped));
        Assert.Null(InstructionSetVariant.Choose(NoAvx, BothShipped));
    }

    [Theory]
    [InlineData((int)Features.Movbe)]
    [InlineData((int)Features.Bmi2)]
    [InlineData((int)Features.Lzcnt)]
    [InlineData((int)Features.Fma)]
    public void A_cpu_missing_any_feature_of_level_3_stays_on_the_baseline_because_that_build_would_refuse_to_start(int missing)
    {
        Assert.Null(InstructionSetVariant.Choose(Avx512 & ~(Features)missing, BothShipped));
    }

    [Fact]
    public void Avx512_without_its_vl_part_is_level_3_only()
    {
        Assert.Equal("x86-64-v3", InstructionSetVariant.Choose(Avx512 & ~Features.Avx512VL, BothShipped));
    }

    [Fact]
    public void Only_a_shipped_build_is_chosen()
    {
        Assert.Equal("x86-64-v3", InstructionSetVariant.Choose(Avx512, level => level == "x86-64-v3"));
        Assert.Null(InstructionSetVariant.Choose(Avx512, _ => false));
    }

    [Theory]
    [InlineData("/usr/lib/iotminer/iotminer.x86-64-v4", "/usr/lib/iotminer/iotminer")]
    [InlineData("/usr/lib/iotminer/iotminer.x86-64-v3", "/usr/lib/iotminer/iotminer")]
    [InlineData("/usr/lib/iotminer/iotminer", "/usr/lib/iotminer/iotminer")]
    [InlineData("/opt/x86-64-v4/iotminer", "/opt/x86-64-v4/iotminer")]
    public void A_unit_installed_from_a_variant_starts_the_executable_that_chooses(string process, string unitStarts)
    {
        Assert.Equal(unitStarts, InstructionSetVariant.Baseline(process));
    }
}
