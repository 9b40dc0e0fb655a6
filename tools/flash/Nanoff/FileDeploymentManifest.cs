using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotMinerAgent.Flash.Nanoff;

/// <summary>A file for nanoff to copy to the board: where it goes and where nanoff reads it.</summary>
/// <param name="DestinationFilePath">Path on the board, e.g. <c>I:\iotminer.json</c>.</param>
/// <param name="SourceFilePath">Absolute local path.</param>
public sealed record FileDeploymentEntry(string DestinationFilePath, string SourceFilePath);

/// <summary>
/// The JSON file <c>nanoff --filedeployment</c> reads: <c>{ "SerialPort": ..., "Files": [ { "DestinationFilePath": ...,
/// "SourceFilePath": ... } ] }</c> (nanoframework/nanoFirmwareFlasher, nanoFirmwareFlasher.Library/FileDeployment/
/// FileDeploymentConfiguration.cs and DeploymentFile.cs; the manager deserializes it case-insensitively and uses
/// SerialPort when set, falling back to <c>--serialport</c>). A file with an empty SourceFilePath is deleted on the
/// board instead, which is why both paths are always written.
/// </summary>
public static class FileDeploymentManifest
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders the manifest.</summary>
    public static string Render(string serialPort, IEnumerable<FileDeploymentEntry> files)
    {
        JsonArray entries = new(files
            .Select(f => (JsonNode)new JsonObject { ["DestinationFilePath"] = f.DestinationFilePath, ["SourceFilePath"] = f.SourceFilePath })
            .ToArray());
        return new JsonObject { ["SerialPort"] = serialPort, ["Files"] = entries }.ToJsonString(Output) + "\n";
    }
}
