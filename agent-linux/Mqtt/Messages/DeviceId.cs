using System;
using System.IO;
using System.Linq;
using System.Net.NetworkInformation;
using System.Text;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>
/// The id that names this device in MQTT topics and in Home Assistant: the configured one (validated), else
/// a short hash of <c>/etc/machine-id</c>, else a short hash of the first hardware MAC address.
/// </summary>
public static class DeviceId
{
    /// <summary>Longest id accepted: keeps topics and the client id (<c>iotminer-&lt;id&gt;</c>) short.</summary>
    public const int MaxLength = 64;

    /// <summary>Characters of a derived id: 12 hex digits = 48 bits, collision-free for any real fleet.</summary>
    public const int DerivedLength = 12;

    // machine-id(5): the id "should be considered confidential" and hashed with an application-specific key
    // before it is exposed, as sd_id128_get_machine_app_specific() does.
    static readonly byte[] s_applicationKey = Encoding.ASCII.GetBytes("iotminer-mqtt-device-id");

    /// <summary>
    /// Resolves the device id. <paramref name="configured"/> wins when set (and must be valid); else the machine id
    /// read from <paramref name="machineIdPath"/>; else the MACs from <paramref name="macAddresses"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The configured id is invalid, or no source could give one.</exception>
    public static string Resolve(string? configured, string machineIdPath = "/etc/machine-id", Func<byte[][]>? macAddresses = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Validate(configured, "mqtt:deviceId");
            return configured;
        }

        if (TryReadMachineId(machineIdPath, out string machineId))
        {
            return FromSecret(Encoding.ASCII.GetBytes(machineId));
        }

        byte[]? mac = (macAddresses ?? HardwareMacAddresses)().FirstOrDefault(IsUsableMac);
        if (mac is not null)
        {
            return FromSecret(mac);
        }

        throw new ArgumentException(
            $"cannot derive a device id: '{machineIdPath}' is missing or empty and no network interface has a MAC address; set mqtt:deviceId (letters, digits, '_' or '-').");
    }

    /// <summary>True when <paramref name="id"/> is 1..<see cref="MaxLength"/> characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Throws a message naming <paramref name="key"/> when <paramref name="id"/> is not a valid device id.</summary>
    public static void Validate(string id, string key)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(
                $"{key} = '{id}' is not a valid device id; allowed: 1 to {MaxLength} characters among a-z, A-Z, 0-9, '_' and '-' (it becomes an MQTT topic level and a Home Assistant id).");
        }
    }

    // The hashing core's HMAC, not the platform's: this runs at every start, and the platform's would load OpenSSL
    // (about 4 MB resident) into an agent that may never use TLS. Both give the same digest (DeviceIdTests).
    static string FromSecret(byte[] secret)
    {
        byte[] digest = new HmacSha256(secret).Compute(s_applicationKey);
        return Convert.ToHexStringLower(digest)[..DerivedLength];
    }

    static bool TryReadMachineId(string path, out string machineId)
    {
        machineId = "";
        try
        {
            machineId = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return machineId.Length > 0;
    }

    static bool IsUsableMac(byte[] mac) => mac.Length == 6 && mac.Any(b => b != 0);

    static byte[][] HardwareMacAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => n.GetPhysicalAddress().GetAddressBytes())
            .ToArray();
}
