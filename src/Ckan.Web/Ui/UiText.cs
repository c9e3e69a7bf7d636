namespace Ckan.Web.Ui;

/// <summary>
/// The web pages' strings, in <c>Resources/Ui/UiText.resx</c> (English) and its translations
/// (<c>UiText.es.resx</c>); pages read them through <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public sealed class UiText
{
}
