package news.platform.media.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.follow.FeedHandler;

/**
 * What an article event means for usage. An article names its {@code heroMediaId} and every id in
 * {@code mediaIds}, whatever its status: the reader events (schema 1 and 2) for published
 * stories, and {@code article.saved} (schema 2) for every write readers cannot see, so drafts and
 * scheduled stories count too. It counts as published only for a reader event whose status is
 * {@code PUBLISHED}; {@code article.deleted}, and {@code article.saved} with status
 * {@code DELETED}, name nothing any more. Every other type (taxonomy events, types added later) is
 * skipped. {@link Usages#apply} is idempotent and ignores an event older than the one it last
 * applied for the article, so a replay after a crash changes nothing.
 */
@Component
class ArticleFeedHandler implements FeedHandler {

	static final String SAVED = "article.saved";

	static final String DELETED = "article.deleted";

	static final String UNPUBLISHED = "article.unpublished";

	/** Reader events: the article readers see, with its media. */
	static final Set<String> READER_EVENTS = Set.of("article.published", "article.updated", UNPUBLISHED, DELETED,
			"article.comments-changed");

	private final Usages usages;

	private final Clock clock;

	ArticleFeedHandler(Usages usages, Clock clock) {
		this.usages = usages;
		this.clock = clock;
	}

	@Override
	public void apply(FeedEvent event) {
		String type = event.type();
		if (!READER_EVENTS.contains(type) && !SAVED.equals(type)) {
			return;
		}
		FeedData data = event.data();
		String status = data.string("status");
		boolean deleted = DELETED.equals(type) || (SAVED.equals(type) && "DELETED".equals(status));
		boolean published = !deleted && READER_EVENTS.contains(type) && !UNPUBLISHED.equals(type)
				&& "PUBLISHED".equals(status);
		List<String> mediaIds = deleted ? List.of() : data.strings("mediaIds");
		String hero = deleted ? null : data.string("heroMediaId");
		// an event without an article id is not one media can use: Usages skips ids it refuses
		String articleId = event.subjectId() == null ? "" : event.subjectId();
		Instant at = event.occurredAt() != null ? event.occurredAt() : this.clock.instant();
		this.usages.apply(articleId, event.seq(), published, hero, mediaIds, data.string("slug"), at);
	}

}
