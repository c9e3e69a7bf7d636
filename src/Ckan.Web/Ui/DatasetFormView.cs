namespace Ckan.Web.Ui;

/// <summary>What the dataset metadata partial renders: the values, their errors and the choices.</summary>
public sealed record DatasetFormView(DatasetForm Form, FormErrors Errors, DatasetFormOptions Options);
