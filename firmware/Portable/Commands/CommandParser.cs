using System;
using IotMinerAgent.Firmware.Json;
using IotMinerAgent.Firmware.Text;
using IotMinerAgent.Hashing.DeviceContract;

namespace IotMinerAgent.Firmware.Commands
{
    /// <summary>
    /// Parses owner commands as docs/mqtt.md ("Commands") specifies for the Linux agent: plain text or
    /// <c>{"value": …, "request_id": …}</c>, never from the retained store. Names, limits and the forbidden list are the
    /// device contract's (<see cref="CommandNames"/>, <see cref="CommandLimits"/>, <see cref="ForbiddenCommands"/>),
    /// shared with the Linux agent's parser. Nothing here can change where the rewards go: the pool and payout live
    /// only in the gateway's configuration file.
    /// </summary>
    public static class CommandParser
    {
        /// <summary>Hashing threads on the ESP32 (one core hashes, the other runs Wi-Fi and the product).</summary>
        public const int MaxThreads = 1;

        /// <summary>The answer to a forbidden command: the contract's reason and where to change it instead.</summary>
        public const string ForbiddenChangeError = ForbiddenCommands.Reason + "; they are set only in the gateway's configuration file";

        /// <summary>Parses the command <paramref name="name"/> with its payload.</summary>
        public static DeviceCommand Parse(string name, byte[] payload, bool retained)
        {
            if (retained)
            {
                return Refuse(name, "retained commands are refused (they would replay at every reconnect): publish cmd/" + name + " without the retain flag", null);
            }

            // Like the agent: a forbidden or unknown name is refused whatever its payload.
            if (ForbiddenCommands.IsForbidden(name))
            {
                return Refuse(name, ForbiddenChangeError, null);
            }

            if (!CommandNames.IsKnown(name))
            {
                return Refuse(name, "unknown command '" + name + "'; known commands: " + CommandNames.List, null);
            }

            if (payload.Length > CommandLimits.MaxPayloadBytes)
            {
                return Refuse(name, "payload of " + payload.Length.ToString() + " bytes is too long: at most " + CommandLimits.MaxPayloadBytes.ToString() + " bytes", null);
            }

            string text = Utf8.GetString(payload, 0, payload.Length).Trim();
            string? requestId = null;
            JsonValue? value = null;
            if (text.Length > 0 && text[0] == '{')
            {
                string? error = ReadJsonPayload(text, out value, out requestId);
                if (error != null)
                {
                    return Refuse(name, error, requestId);
                }
            }
            else if (text.Length > 0)
            {
                value = JsonValue.FromString(text);
            }

            return Interpret(name, value, requestId);
        }

        private static DeviceCommand Interpret(string name, JsonValue? value, string? requestId)
        {
            switch (name)
            {
                case CommandNames.Pause:
                case CommandNames.Resume:
                    return value == null
                        ? new DeviceCommand(name, name == CommandNames.Pause ? CommandKind.Pause : CommandKind.Resume, 0, null, requestId)
                        : Refuse(name, name + " takes no value: send an empty payload or {\"request_id\": \"...\"}", requestId);
                case CommandNames.Mining:
                    return Switch(name, value, requestId);
                case CommandNames.TargetTemperature:
                    return Number(name, value, requestId, CommandKind.TargetTemperature, 3, CommandLimits.MinTargetTemperatureC * 1000L, CommandLimits.MaxTargetTemperatureC * 1000L,
                        Range(CommandLimits.MinTargetTemperatureC, CommandLimits.MaxTargetTemperatureC, "°C"));
                case CommandNames.MaxDuty:
                    return Number(name, value, requestId, CommandKind.MaxDuty, 0, CommandLimits.MinMaxDutyPercent, CommandLimits.MaxMaxDutyPercent,
                        Range(CommandLimits.MinMaxDutyPercent, CommandLimits.MaxMaxDutyPercent, "%"));
                default:
                    return Number(name, value, requestId, CommandKind.Threads, 0, CommandLimits.MinThreads, MaxThreads, Range(CommandLimits.MinThreads, MaxThreads, "threads"));
            }
        }

        private static DeviceCommand Switch(string name, JsonValue? value, string? requestId)
        {
            if (value != null && ((value.Kind == JsonKind.String && CommandNames.IsOn(value.Text)) || (value.Kind == JsonKind.Boolean && value.Boolean)))
            {
                return new DeviceCommand(name, CommandKind.Resume, 0, null, requestId);
            }

            if (value != null && ((value.Kind == JsonKind.String && CommandNames.IsOff(value.Text)) || (value.Kind == JsonKind.Boolean && !value.Boolean)))
            {
                return new DeviceCommand(name, CommandKind.Pause, 0, null, requestId);
            }

            return Refuse(name, "mining takes ON or OFF (or JSON true/false)", requestId);
        }

        private static string Range(int min, int max, string unit)
        {
            return min.ToString() + " to " + max.ToString() + " " + unit;
        }

        private static DeviceCommand Number(string name, JsonValue? value, string? requestId, CommandKind kind, int decimals, long min, long max, string allowed)
        {
            long scaled;
            string text = value == null ? string.Empty : value.Text;
            bool isNumber = value != null && (value.Kind == JsonKind.Number || value.Kind == JsonKind.String) && FixedDecimal.TryParse(text, decimals, out scaled);
            if (!isNumber || (decimals == 0 && text.IndexOf('.') >= 0))
            {
                return Refuse(name, name + " = '" + text + "' is not a " + (decimals == 0 ? "whole " : string.Empty) + "number; allowed: " + allowed, requestId);
            }

            FixedDecimal.TryParse(text, decimals, out scaled);
            if (scaled < min || scaled > max)
            {
                return Refuse(name, name + " = " + text + " is out of range; allowed: " + allowed, requestId);
            }

            return new DeviceCommand(name, kind, scaled, null, requestId);
        }

        private static string? ReadJsonPayload(string text, out JsonValue? value, out string? requestId)
        {
            value = null;
            requestId = null;
            JsonValue root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonSyntaxException exception)
            {
                return "malformed JSON payload: " + exception.Message;
            }

            for (int i = 0; i < root.Names.Length; i++)
            {
                string member = root.Names[i];
                if (member == "value")
                {
                    value = root[i];
                }
                else if (member == "request_id" && root[i].Kind == JsonKind.String)
                {
                    requestId = root[i].Text;
                }
                else
                {
                    return "field '" + member + "' is not allowed; a command object has only \"value\" and \"request_id\" (a string)";
                }
            }

            return null;
        }

        private static DeviceCommand Refuse(string name, string error, string? requestId)
        {
            return new DeviceCommand(name, CommandKind.Refused, 0, error, requestId);
        }
    }
}
