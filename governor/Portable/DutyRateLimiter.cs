using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Limits how fast the load may change, in both directions, so the board is not thermally cycled (solder joints
    /// and the SoC package age with every large temperature swing). Pauses bypass it: they must act at once.
    /// </summary>
    public sealed class DutyRateLimiter
    {
        private readonly int _percentPerSecond;
        private int _currentPpm;

        /// <summary>Creates a limiter that allows at most <paramref name="percentPerSecond"/> of full load per second.</summary>
        public DutyRateLimiter(int percentPerSecond)
        {
            if (percentPerSecond < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(percentPerSecond), "The rate must be at least 1 % per second.");
            }

            _percentPerSecond = percentPerSecond;
        }

        /// <summary>The load the limiter last allowed, ppm of full load.</summary>
        public int CurrentPpm
        {
            get { return _currentPpm; }
        }

        /// <summary>Jumps to <paramref name="ppm"/> without limiting (used when mining starts from a pause).</summary>
        public void Reset(int ppm)
        {
            _currentPpm = ppm;
        }

        /// <summary>Moves towards <paramref name="targetPpm"/> by at most the allowed rate over <paramref name="elapsedMs"/>.</summary>
        /// <returns>The allowed load, ppm of full load.</returns>
        public int Step(int targetPpm, long elapsedMs)
        {
            // %/s × 10 = ‰/s, and ‰/s × ms = ppm: the largest step is exact in integers at any step length.
            long maxStep = (long)_percentPerSecond * 10 * elapsedMs;
            long change = FixedPoint.Clamp((long)targetPpm - _currentPpm, -maxStep, maxStep);
            _currentPpm = (int)(_currentPpm + change);
            return _currentPpm;
        }
    }
}
