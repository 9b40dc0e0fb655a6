using System.IO;
using System.Text;

namespace IotMinerAgent.Flash.Tests.Support;

/// <summary>Fake .pe files: the 8-byte marker field then a recognisable body.</summary>
public static class PeFiles
{
    public static string Write(string directory, string assemblyName, int bodyLength, string marker = "NFMRK1")
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, assemblyName + ".pe");
        File.WriteAllBytes(path, Content(assemblyName, bodyLength, marker));
        return path;
    }

    public static byte[] Content(string assemblyName, int bodyLength, string marker = "NFMRK1")
    {
        byte[] bytes = new byte[8 + bodyLength];
        Encoding.ASCII.GetBytes(marker).CopyTo(bytes, 0);
        for (int i = 0; i < bodyLength; i++)
        {
            // Never zero, so padding is distinguishable from content.
            bytes[8 + i] = (byte)(1 + ((assemblyName.Length * 31) + i) % 250);
        }

        return bytes;
    }
}
