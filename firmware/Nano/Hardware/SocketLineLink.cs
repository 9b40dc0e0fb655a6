using System;
using System.Net;
using System.Net.Sockets;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>
    /// Lines over a TCP socket with nanoFramework's System.Net.Sockets (the Duino pool link). The host is resolved with
    /// <c>Dns.GetHostEntry</c> unless it is a dotted IPv4 address; reads wait with <c>Socket.Poll</c>, so a silent pool
    /// costs a timeout, never a hung mining thread. Any socket error closes the link and returns false.
    /// </summary>
    public sealed class SocketLineLink : ITcpLineLink
    {
        private const int MicrosecondsPerMs = 1000;

        private readonly TcpLine _line = new TcpLine();
        private readonly byte[] _one = new byte[1];
        private Socket? _socket;

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _socket != null; }
        }

        /// <inheritdoc />
        public bool Connect(string host, int port, int timeoutMs)
        {
            Close();
            try
            {
                Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                // lwIP's connect has its own timeout; the send timeout bounds a write to a pool that stopped reading.
                socket.SendTimeout = timeoutMs;
                socket.Connect(new IPEndPoint(Resolve(host), port));
                _socket = socket;
                _line.Reset();
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool SendLine(string line)
        {
            Socket? socket = _socket;
            if (socket == null)
            {
                return false;
            }

            try
            {
                byte[] bytes = TcpLine.Encode(line);
                return socket.Send(bytes) == bytes.Length || Fail();
            }
            catch (Exception)
            {
                return Fail();
            }
        }

        /// <inheritdoc />
        public bool TryReadLine(int timeoutMs, out string line)
        {
            line = string.Empty;
            Socket? socket = _socket;
            if (socket == null)
            {
                return false;
            }

            try
            {
                // Uptime, not the wall clock: SNTP may set the clock while a read waits.
                long deadline = Environment.TickCount64 + timeoutMs;
                while (true)
                {
                    long leftMs = deadline - Environment.TickCount64;
                    if (leftMs <= 0 || !socket.Poll((int)leftMs * MicrosecondsPerMs, SelectMode.SelectRead))
                    {
                        return false;
                    }

                    // Readable with nothing to read is the peer's close.
                    if (socket.Receive(_one, 0, 1, SocketFlags.None) != 1)
                    {
                        return Fail();
                    }

                    if (_line.Add(_one[0], out line))
                    {
                        return true;
                    }

                    if (_line.Overflowed)
                    {
                        return Fail();
                    }
                }
            }
            catch (Exception)
            {
                return Fail();
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            Socket? socket = _socket;
            _socket = null;
            if (socket != null)
            {
                try
                {
                    socket.Close();
                }
                catch (Exception)
                {
                    // Already gone: nothing left to release.
                }
            }
        }

        private static IPAddress Resolve(string host)
        {
            if (IsDottedIPv4(host))
            {
                return IPAddress.Parse(host);
            }

            return Dns.GetHostEntry(host).AddressList[0];
        }

        private static bool IsDottedIPv4(string host)
        {
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if (c != '.' && (c < '0' || c > '9'))
                {
                    return false;
                }
            }

            return host.Length > 0;
        }

        private bool Fail()
        {
            Close();
            return false;
        }
    }
}
