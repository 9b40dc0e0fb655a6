using System;
using System.Collections.Generic;
using CsCheck;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

public class NonceRangeCarverTests
{
    [Fact]
    public void Slices_follow_each_other_without_gap_or_overlap_and_move_to_the_next_unit_at_2_pow_32()
    {
        Gen.ULong[1, 1UL << 33].Array[1, 80].Sample(counts =>
        {
            var carver = new NonceRangeCarver(5);
            ulong position = 0; // unit · 2^32 + nonce, the carver's place in all the work
            foreach (ulong count in counts)
            {
                if (!carver.TryCarve(count, out WorkSlice slice))
                {
                    Assert.Equal(5UL << 32, position);
                    Assert.True(carver.IsExhausted);
                    continue;
                }

                Assert.Equal(position, (slice.WorkUnit << 32) + slice.FirstNonce);
                Assert.InRange(slice.NonceCount, 1UL, Math.Min(count, NonceRangeCarver.NoncesPerUnit));
                Assert.True(slice.FirstNonce + slice.NonceCount <= NonceRangeCarver.NoncesPerUnit);
                Assert.True(slice.NonceCount == count || slice.FirstNonce + slice.NonceCount == NonceRangeCarver.NoncesPerUnit);
                position += slice.NonceCount;
            }
        });
    }

    [Fact]
    public void A_template_of_one_unit_runs_out_after_2_pow_32_nonces()
    {
        var carver = new NonceRangeCarver(1);
        var slices = new List<WorkSlice>();
        while (carver.TryCarve(3UL << 30, out WorkSlice slice))
        {
            slices.Add(slice);
        }

        Assert.Equal([new WorkSlice(0, 0, 3UL << 30), new WorkSlice(0, 3U << 30, 1UL << 30)], slices);
    }

    [Theory]
    [InlineData(0u, 10ul, 9u, true)]
    [InlineData(0u, 10ul, 10u, false)]
    [InlineData(4294967295u, 1ul, 4294967295u, true)]
    [InlineData(5u, 10ul, 4u, false)]
    public void A_slice_contains_exactly_its_range(uint first, ulong count, uint nonce, bool contains) =>
        Assert.Equal(contains, new WorkSlice(0, first, count).Contains(nonce));
}
