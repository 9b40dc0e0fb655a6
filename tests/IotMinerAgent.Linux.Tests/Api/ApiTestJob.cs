using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Mining;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>A job that only names itself: the API tests record shares of it, nothing hashes or submits it.</summary>
internal sealed class ApiTestJob : MiningJob
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public ApiTestJob()
    {
        JobId = "job-1";
        WorkKey = "job-1";
        Algorithm = Algorithms.Sha256d;
        ShareDifficulty = Difficulty.FromInteger(1);
        Extranonce2Space = 1UL << 32;
    }

    public override string NtimeHex => "00000000";

    public override HeaderWork BuildWork(ulong extranonce2, out byte[] extranonce2Bytes)
    {
        extranonce2Bytes = BitConverter.GetBytes(extranonce2);
        return new HeaderWork(Algorithm, new byte[HeaderWork.HeaderLength], ShareTarget);
    }

    public override Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This test job is never submitted.");
}
