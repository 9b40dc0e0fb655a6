using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Firmware.Duino
{
    /// <summary>
    /// One connection to a Duino pool, one request at a time, as the official ESP32 miner speaks it
    /// (github.com/revoxhere/duino-coin, ESP_Code): the server's version line on connect, <c>JOB,...</c> answered by a job
    /// line (or <c>BAD,&lt;reason&gt;</c>), a result answered by <c>GOOD</c>, <c>BLOCK</c> or <c>BAD,&lt;reason&gt;</c>.
    /// Lines are built and read by the portable codec (hashing-core Portable/Duino); this class only moves them.
    /// </summary>
    public sealed class DuinoPoolSession
    {
        /// <summary>How long a connect may take.</summary>
        public const int ConnectTimeoutMs = 10000;

        /// <summary>
        /// How long an answer may take. The official pools answer within a second or two; a node under load takes longer,
        /// and a board that gives up too early only adds a reconnect to the pool's load.
        /// </summary>
        public const int AnswerTimeoutMs = 20000;

        private readonly ITcpLineLink _link;
        private readonly string _host;
        private readonly int _port;

        /// <summary>A session over <paramref name="link"/> to <paramref name="host"/>:<paramref name="port"/>.</summary>
        public DuinoPoolSession(ITcpLineLink link, string host, int port)
        {
            _link = link;
            _host = host;
            _port = port;
        }

        /// <summary>True while connected.</summary>
        public bool IsOpen
        {
            get { return _link.IsConnected; }
        }

        /// <summary>
        /// Connects and reads the greeting. True when connected; <paramref name="problem"/> is then empty, or says that the
        /// first line was not a version (logged and survived: the pool still answers jobs). False with the reason otherwise.
        /// </summary>
        public bool Open(out string problem)
        {
            problem = string.Empty;
            if (!_link.Connect(_host, _port, ConnectTimeoutMs))
            {
                problem = "cannot connect to the Duino pool " + _host + ":" + _port.ToString() + " (Wi-Fi down, pool offline or wrong duino.pool)";
                return false;
            }

            string greeting;
            if (!_link.TryReadLine(AnswerTimeoutMs, out greeting))
            {
                _link.Close();
                problem = "the Duino pool " + _host + ":" + _port.ToString() + " sent no version line within " + (AnswerTimeoutMs / 1000).ToString() + " s";
                return false;
            }

            if (!DuinoServerVersion.IsVersion(greeting))
            {
                problem = "the Duino pool's first line is not a version: \"" + greeting + "\"; mining on";
            }

            return true;
        }

        /// <summary>
        /// Asks for a job. Returns it, or null with either the pool's refusal in <paramref name="refusal"/> (a
        /// <c>BAD,&lt;reason&gt;</c> line) or what went wrong in <paramref name="problem"/> (no answer, a malformed job).
        /// </summary>
        public DuinoJob? RequestJob(string user, DuinoTier tier, string miningKey, string iotData, out DuinoFeedback? refusal, out string problem)
        {
            refusal = null;
            string answer;
            if (!Exchange(DuinoRequests.Job(user, tier, miningKey, iotData), "a job", out answer, out problem))
            {
                return null;
            }

            if (DuinoFeedback.IsFeedback(answer))
            {
                refusal = DuinoFeedback.Parse(answer);
                return null;
            }

            try
            {
                return DuinoJob.Parse(answer);
            }
            catch (DuinoProtocolException exception)
            {
                problem = "malformed job from the Duino pool (" + exception.Message + "): \"" + answer + "\"";
                return null;
            }
        }

        /// <summary>Sends a result line and returns the pool's verdict, or null with what went wrong in <paramref name="problem"/>.</summary>
        public DuinoFeedback? Submit(string resultLine, out string problem)
        {
            string answer;
            if (!Exchange(resultLine, "the verdict on a result", out answer, out problem))
            {
                return null;
            }

            if (!DuinoFeedback.IsFeedback(answer))
            {
                problem = "the Duino pool answered a result with \"" + answer + "\" instead of GOOD, BLOCK or BAD";
                return null;
            }

            return DuinoFeedback.Parse(answer);
        }

        /// <summary>Closes the connection.</summary>
        public void Close()
        {
            _link.Close();
        }

        private bool Exchange(string request, string what, out string answer, out string problem)
        {
            answer = string.Empty;
            problem = string.Empty;
            if (!_link.SendLine(request))
            {
                problem = "the connection to the Duino pool dropped while asking for " + what;
                return false;
            }

            if (!_link.TryReadLine(AnswerTimeoutMs, out answer))
            {
                problem = _link.IsConnected
                    ? "the Duino pool did not answer within " + (AnswerTimeoutMs / 1000).ToString() + " s when asked for " + what
                    : "the connection to the Duino pool dropped while waiting for " + what;
                // A late answer would be read as the answer to the next request: start on a new connection.
                _link.Close();
                return false;
            }

            return true;
        }
    }
}
