using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// A fixed-point PI controller from temperature error (milli-°C) to load (ppm of full load), with anti-windup by
    /// clamping. Going up, the integral may grow only until the output would sit at its maximum even with half the
    /// proportional term (max − P/2), and not at all while the actuator lags behind the output (the rate limiter);
    /// going down, symmetrically. Without a clamp an hour at full duty in a cold room would wind the integral up and
    /// the first warm minutes would overshoot by many degrees. Clamping at max − P instead would knock the output off
    /// its limit at every 0.5 °C step of a quantized sensor while the device is still far below the target; the
    /// half-P margin keeps it pinned there and shrinks to nothing as the error does.
    /// </summary>
    public sealed class PiController
    {
        // The integral is kept in ppm × 60000 (ms per minute), so the per-minute integral gain needs no division
        // per step and no remainder is lost at short steps.
        private const long IntegralScale = 60000;

        private readonly int _proportionalGain;
        private readonly int _integralGain;
        private readonly int _minPpm;
        private readonly int _maxPpm;
        private long _integralScaled;
        private int _output;
        private int _applied;

        /// <summary>Creates a controller whose output stays within [<paramref name="minPpm"/>, <paramref name="maxPpm"/>].</summary>
        /// <param name="proportionalGain">Per-mille load per °C of error.</param>
        /// <param name="integralGain">Per-mille load per °C of error per minute.</param>
        /// <param name="minPpm">Lowest output, ppm of full load.</param>
        /// <param name="maxPpm">Highest output, ppm of full load.</param>
        public PiController(int proportionalGain, int integralGain, int minPpm, int maxPpm)
        {
            if (minPpm < 0 || maxPpm > FixedPoint.FullLoadPpm || minPpm > maxPpm)
            {
                throw new ArgumentException("PI output range must satisfy 0 <= min <= max <= 1000000 ppm.");
            }

            _proportionalGain = proportionalGain;
            _integralGain = integralGain;
            _minPpm = minPpm;
            _maxPpm = maxPpm;
            Reset(minPpm);
        }

        /// <summary>The last output, ppm of full load.</summary>
        public int Output
        {
            get { return _output; }
        }

        /// <summary>The integral term, ppm of full load.</summary>
        public int IntegralPpm
        {
            get { return (int)(_integralScaled / IntegralScale); }
        }

        /// <summary>Restarts from <paramref name="outputPpm"/> (clamped), as if it had been the steady output.</summary>
        public void Reset(int outputPpm)
        {
            int start = FixedPoint.Clamp(outputPpm, _minPpm, _maxPpm);
            _integralScaled = start * IntegralScale;
            _output = start;
            _applied = start;
        }

        /// <summary>One control step.</summary>
        /// <param name="errorMilliC">Target minus measured temperature: positive means there is room to heat.</param>
        /// <param name="elapsedMs">Time since the previous step.</param>
        /// <returns>The new output, ppm of full load.</returns>
        public int Update(int errorMilliC, long elapsedMs)
        {
            // Kp [‰/°C] × e [m°C] = ppm exactly; Ki [‰/(°C·min)] × e [m°C] × dt [ms] = ppm × 60000.
            long proportional = (long)_proportionalGain * errorMilliC;
            long integral = _integralScaled + ((long)_integralGain * errorMilliC * elapsedMs);
            if (errorMilliC > 0)
            {
                long saturating = (_maxPpm - (proportional / 2)) * IntegralScale;
                integral = _applied < _output ? _integralScaled : FixedPoint.Min(integral, FixedPoint.Max(_integralScaled, saturating));
            }
            else if (errorMilliC < 0)
            {
                long saturating = (_minPpm - (proportional / 2)) * IntegralScale;
                integral = _applied > _output ? _integralScaled : FixedPoint.Max(integral, FixedPoint.Min(_integralScaled, saturating));
            }

            _integralScaled = FixedPoint.Clamp(integral, _minPpm * IntegralScale, _maxPpm * IntegralScale);
            _output = (int)FixedPoint.Clamp(proportional + (_integralScaled / IntegralScale), _minPpm, _maxPpm);
            _applied = _output;
            return _output;
        }

        /// <summary>
        /// Tells the controller what the actuator really delivered after its own limits (e.g. a rate limiter), so
        /// the next step does not integrate towards a value the actuator cannot reach yet.
        /// </summary>
        public void Track(int appliedPpm)
        {
            _applied = appliedPpm;
        }
    }
}
