using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using IotMinerAgent.Firmware.Api;
using IotMinerAgent.Firmware.Config;
using IotMinerAgent.Firmware.Nano.Hardware;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Governor;

namespace SmartLamp
{
    /// <summary>
    /// A sample "smart device": a lamp with one button and one LED that mines only while nobody uses it, and only if
    /// its owner agreed. It shows the whole manufacturer API: consent, a policy, busy/idle, status.
    /// - Short press: lamp on/off. While the lamp is on the device is busy, and the miner steps aside at once.
    /// - Hold 5 s: toggles the owner's consent (the LED blinks 3 times for "yes", once for "no").
    /// </summary>
    public static class Program
    {
        private const int LedPin = 2;      // the blue LED of most ESP32 DevKit boards
        private const int ButtonPin = 0;   // the BOOT button, to ground when pressed
        private const int ConsentHoldMs = 5000;

        private static GpioPin? s_led;
        private static IotMiner? s_miner;
        private static bool s_lampOn;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            GpioController gpio = new GpioController();
            s_led = gpio.OpenPin(LedPin, PinMode.Output);
            GpioPin button = gpio.OpenPin(ButtonPin, PinMode.InputPullUp);

            FirmwareConfig config = FirmwareConfig.Parse(new LittleFsConfigStorage().ReadConfigText());
            s_miner = new IotMiner(config, NanoBoard.Build(config));
            s_miner.Start(LampPolicy());
            s_miner.SetBusy(false);

            long pressedAt = -1;
            while (true)
            {
                bool pressed = button.Read() == PinValue.Low;
                long now = Environment.TickCount64;
                if (pressed && pressedAt < 0)
                {
                    pressedAt = now;
                }
                else if (!pressed && pressedAt >= 0)
                {
                    OnRelease(now - pressedAt);
                    pressedAt = -1;
                }

                Thread.Sleep(20);
            }
        }

        // A lamp in a lampshade runs warm: hold 60 °C, never more than half of one core, mine only after the lamp
        // has been off for a minute, and without a temperature reading do not mine at all.
        private static GovernorPolicy LampPolicy()
        {
            GovernorPolicy policy = new GovernorPolicy();
            policy.TargetMilliC = 60000;
            policy.HardLimitMilliC = 70000;
            policy.MaxDutyPercent = 50;
            policy.IdleOnly = true;
            policy.IdleDelaySeconds = 60;
            policy.NoSensor = NoSensorAction.Pause;
            policy.Threads = 1;
            return policy;
        }

        private static void OnRelease(long heldMs)
        {
            if (heldMs >= ConsentHoldMs)
            {
                bool consent = !s_miner!.Consent;
                s_miner.SetConsent(consent);
                Blink(consent ? 3 : 1);
                return;
            }

            s_lampOn = !s_lampOn;
            s_led!.Write(s_lampOn ? PinValue.High : PinValue.Low);
            s_miner!.SetBusy(s_lampOn);
            MinerStatus status = s_miner.Status;
            Debug.WriteLine("lamp " + (s_lampOn ? "on" : "off") + "; miner " + status.State + ": " + status.Reason);
        }

        private static void Blink(int times)
        {
            for (int i = 0; i < times; i++)
            {
                s_led!.Write(PinValue.High);
                Thread.Sleep(150);
                s_led.Write(PinValue.Low);
                Thread.Sleep(150);
            }

            s_led!.Write(s_lampOn ? PinValue.High : PinValue.Low);
        }
    }
}
