using System.Reflection;

namespace IotMinerAgent.Linux.Hosting;

/// <summary>The agent's version as every role reports it (status messages, Stratum user agent, gateway status).</summary>
public static class AgentVersion
{
    /// <summary>The informational version without its source-revision suffix (e.g. <c>0.1.0</c>).</summary>
    public static readonly string Current =
        typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
