namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>
/// One thing portable code must not do, with the reason (what .NET nanoFramework 1.x lacks) and the way out. A finding
/// reads: "&lt;file&gt;:&lt;line&gt;: &lt;what&gt; is not allowed in portable code: &lt;why&gt;. &lt;fix&gt;".
/// </summary>
internal sealed record PortableRule(string Id, string Why, string Fix);
