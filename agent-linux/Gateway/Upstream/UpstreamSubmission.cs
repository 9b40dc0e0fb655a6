namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>A verified share on its way upstream: the template and work unit it was found on, its nonce and header.</summary>
/// <param name="Template">The template the device's job was cut from.</param>
/// <param name="WorkUnit">The work unit the job's header was built for (<see cref="UpstreamTemplate.BuildHeader"/>).</param>
/// <param name="Nonce">The nonce the device found.</param>
/// <param name="Header">The full 80-byte header with the nonce, as the gateway rebuilt and hashed it.</param>
public sealed record UpstreamSubmission(UpstreamTemplate Template, ulong WorkUnit, uint Nonce, byte[] Header);
