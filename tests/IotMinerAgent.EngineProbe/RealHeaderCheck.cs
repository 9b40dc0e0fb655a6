using System;
using System.Collections.Generic;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.EngineProbe;

/// <summary>Scans [nonce - 2000, nonce + 2000) of each real header at its own target: exactly the real nonce must come out.</summary>
internal static class RealHeaderCheck
{
    private const uint HalfWindow = 2000;

    public static bool Run(INonceScanner engine, IReadOnlyList<HeaderVector> vectors)
    {
        bool exact = true;
        foreach (HeaderVector vector in vectors)
        {
            var work = new HeaderWork(Algorithms.Sha256d, vector.Header, vector.CompactTarget);
            var hits = new NonceHits();
            engine.Scan(work, vector.Nonce - HalfWindow, 2 * HalfWindow, hits);

            uint[] found = hits.ToArray();
            bool ok = found.Length == 1 && found[0] == vector.Nonce;
            exact &= ok;
            Console.WriteLine($"{vector.Name}: found [{string.Join(", ", found)}], expected [{vector.Nonce}] {(ok ? "ok" : "WRONG")}");
        }

        return exact;
    }
}
