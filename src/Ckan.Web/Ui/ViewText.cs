namespace Ckan.Web.Ui;

/// <summary>
/// The strings of the resource view pages and the showcase pages, in <c>Resources/Ui/ViewText.resx</c> and its
/// translations, kept apart from <see cref="UiText"/> so the two sets change independently.
/// </summary>
public sealed class ViewText
{
}
