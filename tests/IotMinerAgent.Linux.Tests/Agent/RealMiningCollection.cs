

namespace IotMinerAgent.Linux.Tests.Agent;

/// <summary>
/// Tests that run the real agent and need its miners to hash: the miners run at nice 19 under SCHED_IDLE (sched(7)),
/// so they get the CPU only when nothing else wants it. Run in parallel with other tests, they would wait for shares
/// that a busy machine never lets them find; xunit runs a collection that disables parallelization alone, after the
/// parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealMiningCollection
{
    /// <summary>The collection's name, for <c>[Collection(RealMiningCollection.Name)]</c>.</summary>
    public const string Name = "real mining agent";
}
