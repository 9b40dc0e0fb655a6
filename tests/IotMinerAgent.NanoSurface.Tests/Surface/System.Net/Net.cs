// Model of the nanoFramework.System.Net package, assembly System.Net (https://github.com/nanoframework/System.Net,
// tag v1.11.43; Baselines/System.Net.1.11.43.txt): the TLS certificate M2MqttLink passes to the MQTT client, the
// network helper status WifiNetworkHelper reports, and the TCP socket, address and DNS calls of SocketLineLink (the
// Duino pool link).
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(byte[] certificate) => throw null;
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        ExceptionOccurred,
    }
}

namespace System.Net
{
    public abstract class EndPoint
    {
        protected EndPoint() => throw null;
    }

    public class IPAddress
    {
        public IPAddress(long newAddress) => throw null;

        public static IPAddress Parse(string ipString) => throw null;
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(IPAddress address, int port) => throw null;
    }

    public class IPHostEntry
    {
        public IPHostEntry() => throw null;

        public IPAddress[] AddressList => throw null;
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) => throw null;
    }
}

// The enum values are the real ones (System.Net/Sockets/*.cs at the tag), which are Winsock's.
namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        InterNetwork = 2,
    }

    public enum SocketType
    {
        Stream = 1,
    }

    public enum ProtocolType
    {
        Tcp = 6,
    }

    public enum SelectMode
    {
        SelectRead = 0,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0,
    }

    public class Socket
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) => throw null;

        public int SendTimeout
        {
            get => throw null;
            set => throw null;
        }

        public void Connect(EndPoint remoteEP) => throw null;

        public int Send(byte[] buffer) => throw null;

        public bool Poll(int microSeconds, SelectMode mode) => throw null;

        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) => throw null;

        public void Close() => throw null;
    }
}

// The MAC address NanoChipId sends to a Duino pool as DUCOID<chip id>.
namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) => throw null;

        public byte[] PhysicalAddress
        {
            get => throw null;
            set => throw null;
        }

        public static NetworkInterface[] GetAllNetworkInterfaces() => throw null;
    }
}
