using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Linux.Duino.Session;

/// <summary>
/// The tier every worker connection asks for, shared so that a tier move the pool asks for happens once, not once per
/// connection: the first connection to report "Too low/Too high starting difficulty" for the tier in force moves it.
/// </summary>
public sealed class DuinoTierState(DuinoTier start)
{
    private DuinoTier _tier = start;

    /// <summary>The tier requested in the next <c>JOB</c>.</summary>
    public DuinoTier Current => Volatile.Read(ref _tier);

    /// <summary>
    /// Moves one tier from <paramref name="askedWith"/> (harder when <paramref name="harder"/>); returns the new tier when
    /// this call moved it, null when another connection already did or the table ends there.
    /// </summary>
    public DuinoTier? Move(DuinoTier askedWith, bool harder)
    {
        DuinoTier next = harder ? DuinoTiers.Next(askedWith) : DuinoTiers.Previous(askedWith);
        if (ReferenceEquals(next, askedWith))
        {
            return null;
        }

        return ReferenceEquals(Interlocked.CompareExchange(ref _tier, next, askedWith), askedWith) ? next : null;
    }
}
