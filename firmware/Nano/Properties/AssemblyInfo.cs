using System.Reflection;

// Assembly identity of the nanoFramework image; the metadata processor copies it into the .pe file.
[assembly: AssemblyTitle("IotMinerAgent.Firmware")]
[assembly: AssemblyDescription("IotMinerAgent ESP32 firmware image (.NET nanoFramework)")]
[assembly: AssemblyProduct("IotMinerAgent")]
[assembly: AssemblyVersion("0.1.0.0")]
