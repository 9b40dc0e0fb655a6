using System;
using CsCheck;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Hashing.Tests.DeviceWork;

public class DeviceJobHasherTests
{
    private static readonly Target AnyTarget = new(new uint[] { 0, 0, 0, 0, 0, 0, 0, 0xFFFF });

    private static readonly Gen<(byte[] Header, uint[] Nonces)> HeaderAndNonces =
        Gen.Select(Gen.Byte.Array[HeaderWork.HeaderLength], Gen.UInt.Array[1, 8], (header, nonces) => (header, nonces));

    private static DeviceJob JobFor(byte[] header) =>
        DeviceJob.FromHeaderWork(1, new HeaderWork(Algorithms.Sha256d, header, AnyTarget), 0, 1UL << 32, 0, 60);

    [Fact]
    public void Hashes_equal_sha256d_of_the_full_header_on_random_headers_and_nonces()
    {
        HeaderAndNonces.Sample(sample =>
        {
            DeviceJobHasher hasher = new();
            HeaderWork work = new(Algorithms.Sha256d, sample.Header, AnyTarget);
            DeviceJob job = JobFor(sample.Header);
            foreach (uint nonce in sample.Nonces)
            {
                byte[] expected = Sha256.Hash(Sha256.Hash(work.HeaderWithNonce(nonce)));
                Assert.Equal(expected, hasher.Hash(job, nonce));
                Assert.Equal(expected, job.HashSha256d(nonce));
            }
        });
    }

    [Fact]
    public void One_hasher_switching_between_jobs_keeps_no_state_of_the_previous_one()
    {
        Gen.Select(DeviceWorkGen.Sha256dJob, DeviceWorkGen.Sha256dJob, Gen.UInt, Gen.UInt).Sample((a, b, nonceA, nonceB) =>
        {
            // One hasher per sample: CsCheck samples on several threads, and a hasher belongs to one thread.
            DeviceJobHasher shared = new();
            Assert.Equal(a.HashSha256d(nonceA), shared.Hash(a, nonceA));
            Assert.Equal(b.HashSha256d(nonceB), shared.Hash(b, nonceB));
            Assert.Equal(a.HashSha256d(nonceB), shared.Hash(a, nonceB));
        });
    }

    [Fact]
    public void Hashing_a_nonce_allocates_nothing_once_the_job_is_loaded()
    {
        DeviceJobHasher hasher = new();
        DeviceJob job = JobFor(new byte[HeaderWork.HeaderLength]);
        hasher.Hash(job, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (uint nonce = 1; nonce <= 1000; nonce++)
        {
            hasher.Hash(job, nonce);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Wrong_buffers_and_scrypt_jobs_are_refused()
    {
        uint[] midstate = new uint[8];
        Assert.Throws<ArgumentException>(() => Sha256d.HashFromMidstate(midstate, 0, 0, 0, 0, new uint[8], new uint[16], new byte[32]));
        Assert.Throws<ArgumentException>(() => Sha256d.HashFromMidstate(midstate, 0, 0, 0, 0, new uint[8], new uint[64], new byte[20]));
        Assert.Throws<ArgumentException>(() => Sha256d.HashFromMidstate(new uint[7], 0, 0, 0, 0, new uint[8], new uint[64], new byte[32]));
        DeviceJob scrypt = DeviceJob.ForScrypt(1, new byte[DeviceJob.PrefixLength], AnyTarget, 0, 1, 0, 60);
        Assert.Throws<InvalidOperationException>(() => new DeviceJobHasher().Hash(scrypt, 0));
    }
}
