// Model of the nanoFramework.System.Net package, assembly System.Net (https://github.com/nanoframework/System.Net,
// tag v1.11.43; Baselines/System.Net.1.11.43.txt): the TLS certificate M2MqttLink passes to the MQTT client and the
// network helper status WifiNetworkHelper reports.
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
