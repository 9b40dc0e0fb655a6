using System.IO;
using System.Text;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.Firmware.Nano.Hardware
{
    /// <summary>Files on the internal littlefs drive <c>I:</c>, where tools/flash puts them (nanoff --filedeployment).</summary>
    public sealed class LittleFsConfigStorage : IConfigStorage
    {
        /// <inheritdoc />
        public string ReadConfigText()
        {
            byte[] bytes = ReadFile(FirmwareConfig.ConfigPath);
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        }

        /// <summary>The bytes of a file on internal storage.</summary>
        /// <exception cref="IOException">When the file is missing: the message says how to put it there.</exception>
        public static byte[] ReadFile(string path)
        {
            if (!File.Exists(path))
            {
                throw new IOException(path + " is missing: write it with tools/flash (iotminer-flash flash --config ... or --from-step 3).");
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                byte[] bytes = new byte[(int)stream.Length];
                int read = 0;
                while (read < bytes.Length)
                {
                    read += stream.Read(bytes, read, bytes.Length - read);
                }

                return bytes;
            }
        }
    }
}
