namespace Ckan.Web.Ui;

/// <summary>The resource form as the <c>_ResourceFormFields</c> partial renders it.</summary>
/// <param name="Form">The field values.</param>
/// <param name="Errors">The action's validation errors.</param>
/// <param name="MaxUploadMegabytes">The largest upload <c>ckan.max_resource_size</c> allows, in megabytes.</param>
public sealed record ResourceFormView(ResourceForm Form, FormErrors Errors, int MaxUploadMegabytes);
