namespace IotMinerAgent.Linux.Agent;
