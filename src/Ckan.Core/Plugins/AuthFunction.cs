using System.Text.Json.Nodes;
using Ckan.Core.Actions;

namespace Ckan.Core.Plugins;

/// <summary>
/// Decides whether the caller may run an action with the given input, raising
/// <see cref="Errors.NotAuthorizedException"/> when not. Skipped when the context ignores authorization.
/// </summary>
public delegate Task AuthFunction(ActionContext context, JsonObject data, CancellationToken cancellationToken);
