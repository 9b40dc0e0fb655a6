using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Duino.Transport;

/// <summary>The connection to a Duino node ended or went silent; the client reconnects with backoff.</summary>
public sealed class DuinoConnectionLostException(string message) : Exception(message);
