namespace IotMinerAgent.Flash.Config;

/// <summary>The line the tool prints about consent, so the owner sees whether the flashed board will mine.</summary>
public static class ConsentNotice
{
    /// <summary>What <paramref name="config"/> means for mining on the board.</summary>
    public static string For(DeviceConfig config) => config.Consent
        ? $"consent: yes (--consent): {config.DeviceId} mines within its policy and reports every share; " +
          "send cmd/pause, or flash the config again without --consent, to stop it."
        : $"consent: NO: {config.DeviceId} will connect and report 'paused: no owner consent' and never hash. " +
          "The device mines only with the owner's consent: flash the config again with --consent to allow it.";
}
