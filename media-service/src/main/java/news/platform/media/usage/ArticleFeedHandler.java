package news.platform.media.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.follow.FeedHandler;

/**
 * What an article event means for usage: the article uses its {@code heroMediaId} and every id in
 * {@code mediaIds}, and counts as published unless the event is {@code article.unpublished} or
 * {@code article.deleted} or its status is not {@code PUBLISHED}; a deleted article uses nothing.
 * {@link Usages#apply} is idempotent and ignores an event older than the one it last applied for
 * the article, so a replay after a crash changes nothing.
 */
@Component
class ArticleFeedHandler implements FeedHandler {

	private final Usages usages;

	private final Clock clock;

	ArticleFeedHandler(Usages usages, Clock clock) {
		this.usages = usages;
		this.clock = clock;
	}

	@Override
	public void apply(FeedEvent event) {
		FeedData data = event.data();
		boolean deleted = "article.deleted".equals(event.type());
		boolean published = !deleted && !"article.unpublished".equals(event.type())
				&& "PUBLISHED".equals(data.string("status"));
		List<String> mediaIds = deleted ? List.of() : data.strings("mediaIds");
		String hero = deleted ? null : data.string("heroMediaId");
		// an event without an article id is not one media can use: Usages skips ids it refuses
		String articleId = event.subjectId() == null ? "" : event.subjectId();
		Instant at = event.occurredAt() != null ? event.occurredAt() : this.clock.instant();
		this.usages.apply(articleId, event.seq(), published, hero, mediaIds, data.string("slug"), at);
	}

}
