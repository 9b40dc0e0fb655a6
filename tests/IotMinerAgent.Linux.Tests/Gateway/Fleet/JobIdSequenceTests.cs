using System.Collections.Generic;
using IotMinerAgent.Linux.Gateway.Fleet;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

public class JobIdSequenceTests
{
    [Fact]
    public void Ids_carry_the_instance_in_the_top_byte_wrap_at_2_pow_24_and_skip_ids_in_use()
    {
        var ids = new JobIdSequence(0xAB, 0x00FF_FFFE);
        var inUse = new HashSet<uint> { 0xAB00_0000 };

        Assert.Equal(0xABFF_FFFEu, ids.Next(inUse.Contains));
        Assert.Equal(0xABFF_FFFFu, ids.Next(inUse.Contains));
        Assert.Equal(0xAB00_0001u, ids.Next(inUse.Contains));
        Assert.Equal(0xAB, JobIdSequence.InstanceOf(0xAB00_0001));
    }
}
