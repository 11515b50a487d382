package news.platform.comment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The service's own settings ({@code comment.*} in config-repo/comment-service.yml). */
@ConfigurationProperties("comment")
public record CommentProperties(@DefaultValue Text text,
		@DefaultValue Thread thread, @DefaultValue("15m") Duration editWindow, @DefaultValue RateLimit rateLimit,
		@DefaultValue({ "like", "insightful", "disagree" }) List<String> reactionTypes,
		@DefaultValue("3") int hideAfterReports, @DefaultValue Counts counts, @DefaultValue("30m") Duration streamTimeout,
		@DefaultValue Moderation moderation, @DefaultValue ArticleState articleState) {

	/** Plain text only; lengths count Unicode code points after normalisation. */
	public record Text(@DefaultValue("2") int minLength, @DefaultValue("2000") int maxLength,
			@DefaultValue("40") int maxLines) {
	}

	/**
	 * Threads as readers page them. Replies nest to {@code maxDepth} levels below a top-level
	 * comment; a reply to a comment at the deepest level joins that comment's parent.
	 */
	public record Thread(@DefaultValue("20") int pageSize, @DefaultValue("100") int maxPageSize,
			@DefaultValue("3") int maxDepth, @DefaultValue("3") int repliesPerLevel,
			@DefaultValue("1000000") long cacheMaxComments, @DefaultValue("30s") Duration refreshAfter) {
	}

	/** Posts per user: {@code capacity} at once, refilled by {@code refill} every {@code period}. */
	public record RateLimit(@DefaultValue("5") long capacity, @DefaultValue("5") long refill,
			@DefaultValue("1m") Duration period) {
	}

	public record Counts(@DefaultValue("100") int maxArticles, @DefaultValue("10s") Duration cacheTtl,
			@DefaultValue("200000") long cacheMaxArticles) {
	}

	/**
	 * Automatic rules. The word lists and the section policies are kept in the service's database
	 * and edited through the moderation API; {@code bannedWords}, {@code suspectWords},
	 * {@code defaultSection} and {@code sections} here are only what a new database starts with.
	 * An entry is a word, or a word with a trailing {@code *} for the word and its forms.
	 */
	public record Moderation(@DefaultValue({}) List<String> bannedWords, @DefaultValue({}) List<String> suspectWords,
			@DefaultValue("2") int maxLinks, @DefaultValue("24h") Duration repeatWindow,
			@DefaultValue Section defaultSection, @DefaultValue({}) Map<String, Section> sections,
			@DefaultValue("10s") Duration gaugeInterval, @DefaultValue("250ms") Duration settingsFollowInterval) {
	}

	/**
	 * One section's policy as a new database gets it: {@code pre} holds every new comment for
	 * review, {@code post} shows it at once (rules may still hold it); a user's first N comments are
	 * held; the thread closes {@code closeAfter} the article's first publication (unset: never by
	 * itself).
	 */
	public record Section(@DefaultValue("post") String mode, @DefaultValue("0") int firstCommentsHeld,
			Duration closeAfter) {
	}

	/**
	 * The projection of article state. The feed follower's own settings (poll interval, batch size,
	 * read time limit, backoff) are the shared {@code platform.feed.follow.*}.
	 *
	 * @param feedEnabled whether the projection follows article-service's feed (off: only the state
	 * endpoint fills it)
	 * @param timeout the time limit of the state call on a poster's request, and the longest a
	 * request waits for a feed poll under way
	 * @param cacheMaxArticles article states held in memory
	 */
	public record ArticleState(@DefaultValue("true") boolean feedEnabled, @DefaultValue("2s") Duration timeout,
			@DefaultValue("100000") long cacheMaxArticles, @DefaultValue Sections sections) {
	}

	/**
	 * The section list a moderation policy is checked against: article-service's
	 * {@code GET /api/v1/sections}, asked with a {@code service} token and held for
	 * {@code cacheFor}; the last list read is kept in this service's database for when
	 * article-service does not answer.
	 *
	 * @param path the list's path on article-service
	 * @param cacheFor how long a list read is used before it is asked again
	 */
	public record Sections(@DefaultValue("/api/v1/sections") String path, @DefaultValue("30s") Duration cacheFor) {
	}

}
