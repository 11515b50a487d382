package news.platform.article.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way an article is written: derived fields are recomputed, the revision number moves
 * on, the feed events the change causes are staged, and all of it lands in one conditional
 * document update (the commit point). Losing the race against another writer writes nothing.
 */
@Component
public class ArticleCommits {

	private final Articles articles;

	private final Outbox outbox;

	private final Schedule schedule;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	public ArticleCommits(Articles articles, Outbox outbox, Schedule schedule, ApplicationEventPublisher publisher,
			Clock clock) {
		this.articles = articles;
		this.outbox = outbox;
		this.schedule = schedule;
		this.publisher = publisher;
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public Article create(Article draft) {
		Article article = derive(draft, 1);
		this.articles.insert(article, List.of());
		this.publisher.publishEvent(new ArticleSaved(article, "create"));
		return article;
	}

	/** The saved article, or empty when {@code before} is no longer the stored revision. */
	public Optional<Article> save(Article before, Article after, String action) {
		Article next = derive(after, before.revision() + 1);
		List<Document> events = ArticleEvents.staged(ArticleEvents.types(before, next), next, next.updatedAt());
		if (!events.isEmpty()) {
			// before the commit point, so the relay can never miss staged events
			this.outbox.mark(next.id(), next.revision(), now());
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
		Article.Builder builder = article.toBuilder();
		builder.revision = revision;
		builder.wordCount = ReadingStats.wordCount(article.headline(), article.standfirst(), article.body());
		builder.readingMinutes = ReadingStats.readingMinutes(builder.wordCount);
		return builder.build();
	}

}
