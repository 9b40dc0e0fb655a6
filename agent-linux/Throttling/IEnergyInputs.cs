using IotMinerAgent.Governor;

namespace IotMinerAgent.Linux.Throttling;

/// <summary>Where the governor loop gets the energy readings (price, earnings, surplus, measured power) for each decision.</summary>
public interface IEnergyInputs
{
    /// <summary>Sets <paramref name="inputs"/>' <see cref="GovernorInputs.Energy"/> readings as they are now; unknown ones with the reason.</summary>
    void Fill(GovernorInputs inputs);
}
