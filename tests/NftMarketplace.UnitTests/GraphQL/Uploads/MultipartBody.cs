using System.Text;

namespace NftMarketplace.UnitTests.GraphQL.Uploads;

/// <summary>A multipart/form-data body written part by part, in exactly the order a test needs.</summary>
internal sealed class MultipartBody
{
    public const string Boundary = "nftmp-test-boundary-7MA4YWxkTrZu0gW";

    private readonly List<byte> _body = [];

    public static string ContentType => $"multipart/form-data; boundary={Boundary}";

    public MultipartBody Field(string name, string value) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"", Encoding.UTF8.GetBytes(value));

    public MultipartBody File(string name, string fileName, byte[] content, string contentType = "application/octet-stream") =>
        Part($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}", content);

    public byte[] ToArray()
    {
        var closing = Encoding.ASCII.GetBytes($"--{Boundary}--\r\n");
        return [.. _body, .. closing];
    }

    private MultipartBody Part(string headers, byte[] content)
    {
        var head = Encoding.ASCII.GetBytes($"--{Boundary}\r\n{headers}\r\n\r\n");
        _body.AddRange(head);
        _body.AddRange(content);
        _body.AddRange("\r\n"u8);
        return this;
    }
}
