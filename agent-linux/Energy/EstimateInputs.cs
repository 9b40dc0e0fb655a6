namespace IotMinerAgent.Linux.Energy;

/// <summary>Everything an earnings estimate rests on, each figure with its source.</summary>
/// <param name="Algorithm">sha256d, scrypt or duco-s1.</param>
/// <param name="Board">The board as detected, or a sentence saying it is unknown.</param>
/// <param name="HashRate">Hashes per second at full duty.</param>
/// <param name="PowerWatts">Whole-board watts while mining at full duty.</param>
/// <param name="PricePerKwh">Energy price per kWh, in the owner's currency.</param>
/// <param name="CoinPrice">Price of one coin, in the same currency.</param>
/// <param name="NetworkDifficulty">The network's difficulty (difficulty-1 target convention).</param>
/// <param name="BlockReward">Coins per block (subsidy and fees).</param>
public sealed record EstimateInputs(
    string Algorithm,
    string Board,
    EstimateFigure HashRate,
    EstimateFigure PowerWatts,
    EstimateFigure PricePerKwh,
    EstimateFigure CoinPrice,
    EstimateFigure NetworkDifficulty,
    EstimateFigure BlockReward);
