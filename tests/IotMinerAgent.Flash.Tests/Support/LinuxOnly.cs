using System.Runtime.Versioning;

// The tests run a bash stand-in for nanoff and check Unix file modes: they are Linux tests, as the tool is a Linux tool.
[assembly: SupportedOSPlatform("linux")]
