namespace IotMinerAgent.Firmware.Hardware
{
    /// <summary>
    /// The chip's name as the board power table spells it (<c>ESP32</c>, <c>ESP32-S3</c>), from the nanoFramework
    /// image's target name (<c>SystemInfo.TargetName</c>: <c>ESP32_REV3</c>, <c>ESP32_PSRAM_REV0</c>, <c>ESP32_S3_ALL</c>,
    /// <c>ESP32_C3</c>, … as the nf-interpreter targets are named).
    /// </summary>
    public static class ChipModel
    {
        /// <summary>The chip for <paramref name="targetName"/>; a variant the table lacks keeps its own name (e.g. <c>ESP32-C3</c>), and a board target that names no chip (e.g. <c>M5Core2</c>) gives null.</summary>
        public static string? FromTargetName(string? targetName)
        {
            if (targetName == null || !targetName.StartsWith("ESP32"))
            {
                return null;
            }

            // "ESP32_S3_ALL" → "ESP32-S3"; "ESP32_C3" → "ESP32-C3"; "ESP32_REV3", "ESP32_PSRAM_REV0" → the classic "ESP32".
            string rest = targetName.Length > 6 && targetName[5] == '_' ? targetName.Substring(6) : string.Empty;
            bool variant = rest.Length >= 2 && (rest[0] == 'S' || rest[0] == 'C' || rest[0] == 'H' || rest[0] == 'P') && rest[1] >= '0' && rest[1] <= '9';
            return variant ? "ESP32-" + rest.Substring(0, 2) : "ESP32";
        }
    }
}
