using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("IotMinerAgent.Native")]
[assembly: AssemblyProduct("IotMinerAgent")]
[assembly: AssemblyVersion("1.0.0.0")]

// The version of the native side this assembly needs; the nanoCLR table (nanoclr/IotMinerAgent_Native.cpp) carries
// the same. Raise both whenever a method signature changes (the metadata processor's checksum changes too).
[assembly: AssemblyNativeVersion("1.0.0.0")]
