using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class WitnessCommitmentTests
{
    /// <summary>default_witness_commitment of litecoind 0.21.2.1 regtest templates at height 102, recorded from the node.</summary>
    [Theory]
    [InlineData("", "6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9")]
    [InlineData("4ca15d153207fa72ebf66439ff0e3b0b124ac640cd2cfde9816bc867b9c01e89", "6a24aa21a9ed14daf8485f6952a07011862eb56c18f69182580c211b630c4b0e041e83ec5cf6")]
    public void Matches_the_commitment_a_real_node_computed(string wtxid, string script)
    {
        byte[][] wtxids = wtxid.Length == 0 ? [] : [Hex.DecodeReversed(wtxid)];

        Assert.Equal(script, Hex.Encode(WitnessCommitment.Script(wtxids)));
    }
}
