using System;
using System.Threading;
using IotMinerAgent.Firmware.Hardware;
using nanoFramework.Networking;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>Wi-Fi station via nanoFramework.System.Device.Wifi's WifiNetworkHelper, with SNTP so shares carry real times.</summary>
    public sealed class NanoWifiLink : IWifiLink
    {
        private readonly string _ssid;
        private readonly string _password;
        private bool _configured;

        /// <summary>A link to <paramref name="ssid"/>.</summary>
        public NanoWifiLink(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady; }
        }

        /// <inheritdoc />
        public bool Connect(int timeoutMs)
        {
            try
            {
                if (_configured)
                {
                    return WifiNetworkHelper.Reconnect();
                }

                CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
                _configured = WifiNetworkHelper.ConnectDhcp(_ssid, _password, System.Device.Wifi.WifiReconnectionKind.Automatic, true, token: timeout.Token);
                return _configured;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
