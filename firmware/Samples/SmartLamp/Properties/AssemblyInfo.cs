using System.Reflection;

// Assembly identity of the nanoFramework image; the metadata processor copies it into the .pe file.
[assembly: AssemblyTitle("SmartLamp")]
[assembly: AssemblyDescription("SmartLamp sample: a product firmware embedding the IotMinerAgent miner")]
[assembly: AssemblyProduct("IotMinerAgent")]
[assembly: AssemblyVersion("0.1.0.0")]
