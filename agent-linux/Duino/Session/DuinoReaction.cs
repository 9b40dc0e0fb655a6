using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Linux.Duino.Session;

/// <summary>What a worker connection does after a pool's <c>BAD</c> answer (issue 13, "Pool answers").</summary>
public enum DuinoReaction
{
    /// <summary>Counted and logged; ask for the next job.</summary>
    Continue,

    /// <summary>Ask for the next harder tier ("Too low starting difficulty").</summary>
    MoveHarder,

    /// <summary>Ask for the next easier tier ("Too high starting difficulty").</summary>
    MoveEasier,

    /// <summary>Stop mining for good, with no reconnect ("User banned", "Too many workers").</summary>
    Stop,
}

/// <summary>Maps a pool's <c>BAD</c> reason to the reaction.</summary>
public static class DuinoReactions
{
    /// <summary>The reaction to <c>BAD,&lt;reason&gt;</c>.</summary>
    public static DuinoReaction To(string reason) => reason switch
    {
        DuinoBadReasons.TooLowStartingDifficulty => DuinoReaction.MoveHarder,
        DuinoBadReasons.TooHighStartingDifficulty => DuinoReaction.MoveEasier,
        _ when DuinoBadReasons.StopsMining(reason) => DuinoReaction.Stop,
        _ => DuinoReaction.Continue,
    };
}
