package news.platform.media.usage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each article event does to usage, one event at a time as the platform's follower hands
 * them over: a replayed event (a crash between apply and cursor) or an older one changes nothing,
 * and an event media cannot use is skipped rather than stopping the feed.
 */
@ServiceIntegrationTest
class ArticleFeedHandlerTest {

	@Autowired
	ArticleFeedHandler handler;

	@Autowired
	Usages usages;

	String article = "handler-" + UUID.randomUUID().toString().substring(0, 8);

	String hero = "hero-" + this.article;

	String body = "body-" + this.article;

	@Test
	void aReplayedOrOlderEventChangesNothing() {
		FeedEvent published = event(1_000_001, "article.published", this.article, "PUBLISHED", this.hero,
				List.of(this.hero, this.body));
		FeedEvent updated = event(1_000_002, "article.updated", this.article, "PUBLISHED", this.hero,
				List.of(this.hero));
		this.handler.apply(published);
		this.handler.apply(updated);
		assertThat(this.usages.usage(this.body)).isEmpty();

		// the follower replays what it applied before a crash, and a slower replica may be behind
		this.handler.apply(updated);
		this.handler.apply(published);

		assertThat(this.usages.usage(this.body)).isEmpty();
		assertThat(this.usages.usage(this.hero)).singleElement().satisfies(use -> {
			assertThat(use.articleId()).isEqualTo(this.article);
			assertThat(use.seq()).isEqualTo(1_000_002);
			assertThat(use.published()).isTrue();
			assertThat(use.hero()).isTrue();
			assertThat(use.slug()).isEqualTo("clanak-" + this.article);
		});
	}

	@Test
	void unpublishedAndDeletedArticlesReleaseTheirPictures() {
		this.handler.apply(event(2_000_001, "article.published", this.article, "PUBLISHED", this.hero,
				List.of(this.body)));
		assertThat(this.usages.publishedArticles(this.body)).containsExactly(this.article);

		this.handler.apply(event(2_000_002, "article.unpublished", this.article, "UNPUBLISHED", this.hero,
				List.of(this.body)));
		assertThat(this.usages.publishedArticles(this.hero)).isEmpty();
		assertThat(this.usages.usage(this.hero)).hasSize(1);

		this.handler.apply(event(2_000_003, "article.deleted", this.article, "DELETED", this.hero,
				List.of(this.body)));
		assertThat(this.usages.usage(this.hero)).isEmpty();
		assertThat(this.usages.usage(this.body)).isEmpty();
	}

	@Test
	void anEventMediaCannotUseIsSkipped() {
		// no article id, or one that could not be a map key: nothing is written and nothing throws,
		// so the follower moves on instead of retrying the event for ever
		this.handler.apply(event(3_000_001, "article.published", null, "PUBLISHED", this.hero, List.of()));
		this.handler.apply(event(3_000_002, "article.published", "a.b$c", "PUBLISHED", this.hero, List.of()));
		assertThat(this.usages.usage(this.hero)).isEmpty();
	}

	@Test
	void draftsAndScheduledStoriesCountAsUsesFromSchemaTwo() {
		this.handler.apply(event(4_000_001, "article.saved", this.article, "DRAFT", this.hero, List.of(this.body)));
		assertThat(this.usages.usage(this.body)).singleElement().satisfies(use -> {
			assertThat(use.published()).isFalse();
			assertThat(use.seq()).isEqualTo(4_000_001);
		});
		assertThat(this.usages.count(this.hero).articles()).isEqualTo(1);
		assertThat(this.usages.publishedArticles(this.hero)).isEmpty();

		this.handler.apply(event(4_000_002, "article.saved", this.article, "SCHEDULED", null, List.of(this.body)));
		assertThat(this.usages.usage(this.hero)).isEmpty();
		assertThat(this.usages.count(this.body).articles()).isEqualTo(1);

		// published: a reader event
		this.handler.apply(event(4_000_003, "article.published", this.article, "PUBLISHED", null, List.of(this.body)));
		assertThat(this.usages.publishedArticles(this.body)).containsExactly(this.article);

		// deleted as a draft is: article.saved with status DELETED names nothing
		this.handler.apply(event(4_000_004, "article.saved", this.article, "DELETED", null, List.of(this.body)));
		assertThat(this.usages.usage(this.body)).isEmpty();
		assertThat(this.usages.count(this.body).articles()).isZero();
		assertThat(this.usages.count(this.body).revision()).as("every change moves the revision").isEqualTo(4);
	}

	@Test
	void typesMediaDoesNotKnowChangeNothing() {
		this.handler.apply(event(5_000_001, "article.saved", this.article, "IN_REVIEW", this.hero, List.of()));
		for (String type : List.of("section.changed", "tag.changed", "author.changed", "article.archived",
				"article.something-new")) {
			this.handler.apply(event(5_000_002, type, this.article, "DELETED", null, List.of()));
		}
		assertThat(this.usages.usage(this.hero)).singleElement()
			.satisfies(use -> assertThat(use.seq()).isEqualTo(5_000_001));
	}

	@Test
	void anOlderEventNeverUndoesANewerOneFromAnotherReplica() {
		// another replica already applied seq 6_000_003; this one is behind and applies 6_000_002
		this.handler.apply(event(6_000_003, "article.saved", this.article, "DRAFT", this.hero, List.of(this.body)));
		this.handler.apply(event(6_000_002, "article.saved", this.article, "DRAFT", null, List.of()));
		assertThat(this.usages.count(this.hero).articles()).isEqualTo(1);
		assertThat(this.usages.count(this.body).articles()).isEqualTo(1);
		// the same event twice moves nothing
		long revision = this.usages.count(this.hero).revision();
		this.handler.apply(event(6_000_003, "article.saved", this.article, "DRAFT", this.hero, List.of(this.body)));
		assertThat(this.usages.count(this.hero).revision()).isEqualTo(revision);
	}

	private static FeedEvent event(long seq, String type, String articleId, String status, String hero,
			List<String> mediaIds) {
		Map<String, Object> data = new HashMap<>();
		data.put("slug", "clanak-" + articleId);
		data.put("status", status);
		data.put("heroMediaId", hero);
		data.put("mediaIds", mediaIds);
		return new FeedEvent(seq, type, 1, Instant.parse("2026-11-25T10:00:00Z"), articleId, new FeedData(data));
	}

}
