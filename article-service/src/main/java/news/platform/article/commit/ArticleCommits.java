package news.platform.article.commit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import news.platform.article.feed.ArticleEvents;
import news.platform.article.schedule.Schedule;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.feed.publish.FeedPublisher;

/**
 * The one way an article is written: derived fields are recomputed, the revision number moves
 * on, the feed events the change causes are staged, and all of it lands in one conditional
 * document update (the commit point). Losing the race against another writer writes nothing.
 */
@Component
public class ArticleCommits {

	private final Articles articles;

	private final Schedule schedule;

	private final FeedPublisher feed;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	public ArticleCommits(Articles articles, Schedule schedule, FeedPublisher feed, ApplicationEventPublisher publisher,
			Clock clock) {
		this.articles = articles;
		this.schedule = schedule;
		this.feed = feed;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** Stored times have millisecond precision; every write takes its times from here. */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public Article create(Article draft) {
		Article article = derive(draft, 1);
		this.articles.insert(article);
		this.publisher.publishEvent(new ArticleSaved(article, "create"));
		return article;
	}

	/** The saved article, or empty when {@code before} is no longer the stored revision. */
	public Optional<Article> save(Article before, Article after, String action) {
		Article next = derive(after, before.revision() + 1);
		List<String> types = ArticleEvents.types(before, next);
		List<Document> events = new ArrayList<>();
		if (!types.isEmpty()) {
			// before the commit point, so the relay can never miss staged events
			this.feed.willStage(next.id(), next.revision());
			Document data = ArticleEvents.data(next);
			for (String type : types) {
				events.add(this.feed.stage(type, ArticleEvents.SCHEMA_VERSION, next.updatedAt(), next.id(), data));
			}
		}
		if (next.status() == ArticleStatus.SCHEDULED && next.scheduledAt() != null) {
			this.schedule.mark(next.id(), next.scheduledAt());
		}
		if (!this.articles.replace(next, before.revision(), events)) {
			return Optional.empty();
		}
		boolean becamePublished = before.status() != ArticleStatus.PUBLISHED && next.status() == ArticleStatus.PUBLISHED;
		this.publisher.publishEvent(new ArticleSaved(next, action, becamePublished));
		return Optional.of(next);
	}

	private static Article derive(Article article, long revision) {
		int words = ReadingStats.wordCount(article.headline(), article.standfirst(), article.body());
		return article.toBuilder()
			.revision(revision)
			.wordCount(words)
			.readingMinutes(ReadingStats.readingMinutes(words))
			.build();
	}

}
