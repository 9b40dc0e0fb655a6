using System.Collections.Generic;
using System.Linq;
using CsCheck;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Upstream;

public class StratumWorkUnitsTests
{
    [Fact]
    public void Units_are_distinct_extranonce2_and_version_pairs_with_bits_only_inside_the_mask()
    {
        Gen.Select(Gen.Int[0, 4], Gen.UInt, Gen.ULong[0, 1000]).Sample((size, mask, first) =>
        {
            var units = new StratumWorkUnits(size, mask, first);
            var seen = new HashSet<(ulong, uint)>();
            ulong take = System.Math.Min(units.Count, 300);
            for (ulong unit = 0; unit < take; unit++)
            {
                (ulong, uint) pair = (units.Extranonce2Counter(unit), units.VersionBits(unit));
                Assert.True(seen.Add(pair), $"unit {unit} repeats {pair}");
                Assert.Equal(0u, pair.Item2 & ~mask);
                Assert.True(pair.Item1 >= first);
            }
        });
    }

    [Fact]
    public void The_count_is_the_free_extranonce2_values_times_the_version_rolls()
    {
        Assert.Equal((65536UL - 10) << 16, new StratumWorkUnits(2, 0x1fffe000, 10).Count);
        Assert.Equal(4294967296UL, new StratumWorkUnits(4, 0, 0).Count);
        Assert.Equal(1UL, new StratumWorkUnits(0, 0, 0).Count);
        Assert.Equal(ulong.MaxValue, new StratumWorkUnits(8, 0x1fffe000, 0).Count);
        Assert.Equal(0UL, new StratumWorkUnits(1, 0, 256).Count);
    }

    [Fact]
    public void Version_rolls_come_first_then_the_next_extranonce2()
    {
        var units = new StratumWorkUnits(4, 0x00000a00, 5);

        Assert.Equal(new uint[] { 0, 0x200, 0x800, 0xa00, 0 }, Enumerable.Range(0, 5).Select(u => units.VersionBits((ulong)u)));
        Assert.Equal(new ulong[] { 5, 5, 5, 5, 6 }, Enumerable.Range(0, 5).Select(u => units.Extranonce2Counter((ulong)u)));
    }
}
