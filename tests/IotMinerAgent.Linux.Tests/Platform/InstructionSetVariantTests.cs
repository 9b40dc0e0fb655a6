using IotMinerAgent.Linux.Platform;

namespace IotMinerAgent.Linux.Tests.Platform;

public sealed class InstructionSetVariantTests
{
    // /proc/cpuinfo flags (abridged to what matters plus neighbours) of real CPUs: an AVX-512 server core (Ice Lake),
    // an AVX2 desktop core without AVX-512 (Alder Lake), and a Jasper Lake Celeron (SSE4.2, no AVX at all).
    const string IceLake = "fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt xsave avx f16c abm bmi1 avx2 bmi2 avx512f avx512dq avx512cd avx512bw avx512vl avx512vbmi";
    const string AlderLake = "fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt xsave avx f16c abm bmi1 avx2 bmi2 avx_vnni";
    const string JasperLake = "fpu sse sse2 ssse3 cx16 sse4_1 sse4_2 movbe popcnt xsave";

    static bool BothShipped(string level) => true;

    [Fact]
    public void An_avx512_cpu_gets_the_v4_build_an_avx2_cpu_the_v3_build_and_an_older_cpu_stays_on_the_baseline()
    {
        Assert.Equal("x86-64-v4", InstructionSetVariant.Choose(IceLake, BothShipped));
        Assert.Equal("x86-64-v3", InstructionSetVariant.Choose(AlderLake, BothShipped));
        Assert.Null(InstructionSetVariant.Choose(JasperLake, BothShipped));
    }

    [Theory]
    [InlineData("movbe")]
    [InlineData("bmi2")]
    [InlineData("f16c")]
    [InlineData("abm")]
    public void A_cpu_missing_any_feature_of_level_3_stays_on_the_baseline_because_that_build_would_refuse_to_start(string missing)
    {
        string flags = (" " + AlderLake + " ").Replace(" " + missing + " ", " ", System.StringComparison.Ordinal);

        Assert.Null(InstructionSetVariant.Choose(flags, BothShipped));
    }

    [Fact]
    public void Avx512_without_its_vl_part_is_level_3_only()
    {
        Assert.Equal("x86-64-v3", InstructionSetVariant.Choose(IceLake.Replace(" avx512vl", "", System.StringComparison.Ordinal), BothShipped));
    }

    [Fact]
    public void Only_a_shipped_build_is_chosen()
    {
        Assert.Equal("x86-64-v3", InstructionSetVariant.Choose(IceLake, level => level == "x86-64-v3"));
        Assert.Null(InstructionSetVariant.Choose(IceLake, _ => false));
    }
}
