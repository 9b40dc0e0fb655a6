using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Config;
using IotMinerAgent.Flash.Image;
using IotMinerAgent.Flash.Nanoff;

namespace IotMinerAgent.Flash.Flashing;

/// <summary>
/// The local files the nanoff commands read, written to the output directory before any step runs (also in a dry
/// run). They are deterministic, so a run resumed with <c>--from-step</c> flashes exactly what a full run would.
/// </summary>
/// <param name="ImagePath">The deployment image, <c>app.bin</c>.</param>
/// <param name="ManifestPath">The <c>--filedeployment</c> JSON.</param>
/// <param name="DeviceFilePaths">The local copies of the files for the board's storage.</param>
public sealed record FlashArtifacts(string ImagePath, string ManifestPath, IReadOnlyList<string> DeviceFilePaths)
{
    /// <summary>Name of the deployment image in the output directory.</summary>
    public const string ImageFileName = "app.bin";

    /// <summary>Name of the file-deployment manifest in the output directory.</summary>
    public const string ManifestFileName = "filedeployment.json";

    /// <summary>Writes the image alone (the <c>image</c> verb) and returns its path.</summary>
    public static string WriteImage(string outputDirectory, DeploymentImage image)
    {
        string path = Path.Combine(Directory.CreateDirectory(outputDirectory).FullName, ImageFileName);
        File.WriteAllBytes(path, image.Bytes);
        return path;
    }

    /// <summary>
    /// Writes the device files alone (the <c>config</c> verb) and returns their paths. They hold the Wi-Fi and MQTT
    /// passwords, so only the owner may read them.
    /// </summary>
    public static IReadOnlyList<string> WriteDeviceFiles(string outputDirectory, IReadOnlyList<DeviceFile> files)
    {
        string directory = Directory.CreateDirectory(outputDirectory).FullName;
        return files.Select(f =>
        {
            string path = Path.Combine(directory, f.FileName);
            File.WriteAllBytes(path, f.Content);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return path;
        }).ToList();
    }

    /// <summary>Writes everything a flash needs.</summary>
    public static FlashArtifacts Write(string outputDirectory, DeploymentImage image, IReadOnlyList<DeviceFile> files, string port)
    {
        string imagePath = WriteImage(outputDirectory, image);
        IReadOnlyList<string> filePaths = WriteDeviceFiles(outputDirectory, files);
        string manifestPath = Path.Combine(Path.GetDirectoryName(imagePath)!, ManifestFileName);
        IEnumerable<FileDeploymentEntry> entries = files.Zip(filePaths, (f, p) => new FileDeploymentEntry(f.DevicePath, p));
        File.WriteAllText(manifestPath, FileDeploymentManifest.Render(port, entries));
        return new FlashArtifacts(imagePath, manifestPath, filePaths);
    }
}
