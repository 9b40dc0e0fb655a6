using System.Linq;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>The test-written scrypt (<see cref="ScryptReference"/>) the engine tests compare with is itself right.</summary>
public class ScryptReferenceTests
{
    [Theory]
    [MemberData(nameof(ScryptVectors.KdfNames), MemberType = typeof(ScryptVectors))]
    public void Reference_derive_matches_the_rfc7914_vectors(string name)
    {
        ScryptVectors.KdfCase vector = ScryptVectors.KdfCases.Single(c => c.Name == name);

        Assert.Equal(vector.Derived, ScryptReference.Derive(vector.Password, vector.Salt, vector.N, vector.R, vector.P, vector.Derived.Length));
    }

    [Theory]
    [MemberData(nameof(ScryptVectors.HeaderNames), MemberType = typeof(ScryptVectors))]
    public void Reference_header_hash_is_the_chains_proof_of_work_hash(string name)
    {
        ScryptVectors.HeaderCase vector = ScryptVectors.HeaderCases.Single(c => c.Name == name);

        Assert.Equal(vector.PowHashDisplay, ScryptVectors.Display(ScryptReference.HashHeader(vector.Header)));
    }
}
