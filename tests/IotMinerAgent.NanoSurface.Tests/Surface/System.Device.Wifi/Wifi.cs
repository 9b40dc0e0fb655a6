// Model of the nanoFramework.System.Device.Wifi package, assembly System.Device.Wifi
// (https://github.com/nanoframework/System.Device.Wifi, tag v1.5.133; Baselines/System.Device.Wifi.1.5.133.txt):
// WifiNetworkHelper as NanoWifiLink calls it, with the real optional parameters (NetworkHelper/WifiNetworkHelper.cs).
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    using System.Device.Wifi;
    using System.Threading;

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status => throw null;

        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;
    }
}
