using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Status;

/// <summary>Gives the agent's current state for the <c>status</c> message (implemented by the agent host).</summary>
public interface IAgentStatusSource
{
    /// <summary>A snapshot of the agent now. Called about once a second and must be cheap and thread-safe.</summary>
    AgentStatus GetStatus();
}
