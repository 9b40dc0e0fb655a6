using System.Collections.Generic;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Hashing.Tests.Engines;

/// <summary>
/// The DUCO-S1 engines this CPU and runtime configuration allow; rerun the tests with DOTNET_EnableAVX512=0,
/// DOTNET_EnableAVX2=0 or DOTNET_EnableHWIntrinsic=0 to exercise the narrower ones (on .NET 10
/// DOTNET_EnableAVX512F=0 no longer turns AVX-512 off). Kept here until the engine catalog lists them.
/// </summary>
internal static class DucoS1Engines
{
    public static IEnumerable<INonceScanner> Supported()
    {
        if (DucoS1Vector512Engine.IsSupported)
        {
            yield return new DucoS1Vector512Engine();
        }

        if (DucoS1Vector256Engine.IsSupported)
        {
            yield return new DucoS1Vector256Engine();
        }

        if (DucoS1Vector128Engine.IsSupported)
        {
            yield return new DucoS1Vector128Engine();
        }
    }
}
