namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>One C# file shared with the ESP32 firmware: its repository-relative path (as printed in messages) and text.</summary>
internal sealed record PortableSource(string Path, string Text);
