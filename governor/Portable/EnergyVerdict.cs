using System;

namespace IotMinerAgent.Governor
{
    /// <summary>What energy allows until the next decision: a ceiling on the overall load, and why.</summary>
    public sealed class EnergyVerdict
    {
        private readonly int _capPpm;
        private readonly string _detail;

        /// <summary>Creates a verdict.</summary>
        /// <param name="capPpm">Highest overall load energy allows, ppm of full load; 0 pauses.</param>
        /// <param name="detail">Why, without the state ("energy 0.41 €/kWh costs …"); empty in mode always.</param>
        public EnergyVerdict(int capPpm, string detail)
        {
            _capPpm = capPpm;
            _detail = detail;
        }

        /// <summary>Highest overall load energy allows, ppm of full load; 0 means pause.</summary>
        public int CapPpm
        {
            get { return _capPpm; }
        }

        /// <summary>Why, without the state prefix; empty when energy does not take part (mode always).</summary>
        public string Detail
        {
            get { return _detail; }
        }
    }
}
