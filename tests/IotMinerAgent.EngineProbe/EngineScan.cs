using IotMinerAgent.Hashing;

namespace IotMinerAgent.EngineProbe;

/// <summary>One scan of a nonce range, its hits as an array.</summary>
internal static class EngineScan
{
    public static uint[] Hits(INonceScanner engine, MiningWork work, uint first, ulong count)
    {
        var hits = new NonceHits();
        engine.Scan(work, first, count, hits);
        return hits.ToArray();
    }
}
