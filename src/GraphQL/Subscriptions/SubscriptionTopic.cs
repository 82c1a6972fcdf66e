namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>Rules for topic names, shared by publishers and subscribers so a typo fails loudly on both sides.</summary>
public static class SubscriptionTopic
{
    public const int MaxLength = 200;

    public static string Validate(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        if (topic.Length > MaxLength)
        {
            throw new ArgumentException($"A subscription topic is at most {MaxLength} characters (got {topic.Length}).", nameof(topic));
        }

        return topic;
    }
}
