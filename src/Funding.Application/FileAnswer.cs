namespace Funding.Application;

/// <summary>A document a use case writes: its bytes, media type and file name.</summary>
/// <param name="Content">The bytes (UTF-8 for the text formats).</param>
/// <param name="ContentType">The media type, with its charset for text.</param>
/// <param name="FileName">The name to save it under; null for a text shown in place (Markdown, HTML).</param>
internal sealed record FileAnswer(byte[] Content, string ContentType, string? FileName)
{
    /// <summary>A text shown in place, in UTF-8.</summary>
    public static FileAnswer Text(string text, string contentType) => new(System.Text.Encoding.UTF8.GetBytes(text), contentType, null);
}
