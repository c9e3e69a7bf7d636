using System.Text.Json.Nodes;

namespace Ckan.Core.Actions;

/// <summary>Runs one action on its input dictionary.</summary>
public delegate Task<ActionResult> ActionHandler(
    ActionContext context,
    JsonObject data,
    CancellationToken cancellationToken);
