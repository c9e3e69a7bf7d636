using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Ckan.Web.Ui;

/// <summary>
/// Binds an empty form field as an empty string instead of null, so the forms' non-nullable text
/// properties keep their declared contract and an emptied field clears the value it edits.
/// </summary>
public sealed class EmptyStringMetadataProvider : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context) =>
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
}
