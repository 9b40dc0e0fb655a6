namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// A TCP connection that carries newline-terminated UTF-8 lines (the Duino pools' protocol): System.Net.Sockets on
    /// the device, the host's sockets over the simulated Wi-Fi in the virtual device. Like <see cref="IMqttLink"/>, every
    /// call returns false instead of throwing when the network is gone: the firmware reconnects, it never dies of a lost
    /// pool. One caller at a time (the mining thread).
    /// </summary>
    public interface ITcpLineLink
    {
        /// <summary>True while the connection is up, as far as the last call could tell.</summary>
        bool IsConnected { get; }

        /// <summary>Closes any previous connection and connects to <paramref name="host"/>:<paramref name="port"/>.</summary>
        /// <returns>True when connected.</returns>
        bool Connect(string host, int port, int timeoutMs);

        /// <summary>Sends <paramref name="line"/> and a <c>\n</c> (none added when it ends with one, <see cref="TcpLine.Encode"/>).</summary>
        /// <returns>False when the connection is gone (it is then closed).</returns>
        bool SendLine(string line);

        /// <summary>
        /// The next line without its <c>\n</c> (and without a <c>\r</c> before it), waiting at most <paramref name="timeoutMs"/>.
        /// A line longer than <see cref="TcpLine.LongestLineBytes"/> closes the connection: a pool that never ends its line
        /// must not fill the heap.
        /// </summary>
        /// <returns>False on timeout (still connected) or when the connection closed (<see cref="IsConnected"/> false).</returns>
        bool TryReadLine(int timeoutMs, out string line);

        /// <summary>Closes the connection (nothing happens when there is none).</summary>
        void Close();
    }
}
