namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>A nonce range of one work unit of a template: what one device job covers.</summary>
/// <param name="WorkUnit">The template's work unit (a distinct header).</param>
/// <param name="FirstNonce">The first nonce.</param>
/// <param name="NonceCount">How many nonces, 1..2^32; first + count never passes 2^32.</param>
public readonly record struct WorkSlice(ulong WorkUnit, uint FirstNonce, ulong NonceCount)
{
    /// <summary>True when <paramref name="nonce"/> lies in the range.</summary>
    public bool Contains(uint nonce) => nonce >= FirstNonce && (ulong)(nonce - FirstNonce) < NonceCount;
}
