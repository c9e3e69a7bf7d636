namespace Ckan.Core.Plugins;

/// <summary>The name under which a plugin class is enabled in <c>ckan.plugins</c>, such as <c>showcase</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CkanPluginAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
