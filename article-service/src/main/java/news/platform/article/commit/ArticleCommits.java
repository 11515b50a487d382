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
import news.platform.article.author.AuthorDirectory;
import news.platform.article.section.SectionDirectory;
import news.platform.article.tag.TagDirectory;
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

	private final SectionDirectory sections;

	private final TagDirectory tags;

	private final AuthorDirectory authors;

	/** Without tags and authors in memory (tests of the write path alone): events carry the stored references. */
	public ArticleCommits(Articles articles, Schedule schedule, FeedPublisher feed, ApplicationEventPublisher publisher,
			Clock clock, SectionDirectory sections) {
		this(articles, schedule, feed, publisher, clock, sections, null, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public ArticleCommits(Articles articles, Schedule schedule, FeedPublisher feed, ApplicationEventPublisher publisher,
			Clock clock, SectionDirectory sections, TagDirectory tags, AuthorDirectory authors) {
		this.tags = tags;
		this.authors = authors;
		this.articles = articles;
		this.schedule = schedule;
		this.feed = feed;
		this.publisher = publisher;
		this.clock = clock;
		this.sections = sections;
	}

	/** Stored times have millisecond precision; every write takes its times from here. */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A new article; its {@code article.saved} event commits with it, in the same insert. */
	public Article create(Article draft) {
		Article article = derive(draft, 1);
		List<Document> events = events(null, article);
		if (!events.isEmpty()) {
			this.feed.willStage(article.id(), article.revision());
		}
		this.articles.insert(article, events);
		this.publisher.publishEvent(new ArticleSaved(article, "create"));
		return article;
	}

	/** The saved article, or empty when {@code before} is no longer the stored revision. */
	public Optional<Article> save(Article before, Article after, String action) {
		return save(before, after, action, null);
	}

	/**
	 * As {@link #save(Article, Article, String)}, with a note for the revision history (a return's
	 * reason, the revision a restore came from).
	 */
	public Optional<Article> save(Article before, Article after, String action, String note) {
		Article next = derive(after, before.revision() + 1);
		List<Document> events = events(before, next);
		if (!events.isEmpty()) {
			// before the commit point, so the relay can never miss staged events
			this.feed.willStage(next.id(), next.revision());
		}
		if (next.status() == ArticleStatus.SCHEDULED && next.scheduledAt() != null) {
			this.schedule.mark(next.id(), next.scheduledAt());
		}
		if (!this.articles.replace(next, before.revision(), events)) {
			return Optional.empty();
		}
		boolean becamePublished = before.status() != ArticleStatus.PUBLISHED && next.status() == ArticleStatus.PUBLISHED;
		this.publisher.publishEvent(new ArticleSaved(next, action, becamePublished, note));
		return Optional.of(next);
	}

	private List<Document> events(Article before, Article next) {
		List<String> types = ArticleEvents.types(before, next);
		List<Document> events = new ArrayList<>(types.size());
		String section = this.sections.display(next.section());
		for (String type : types) {
			Document data = ArticleEvents.SAVED.equals(type) ? ArticleEvents.savedData(next, section)
					: ArticleEvents.data(next, section, next.status() == ArticleStatus.PUBLISHED
							? this.sections.articleUrl(next.section(), next.slug()) : null);
			// schema version 2: tag and author slugs as they are now (consumers key pages and caches on them)
			data.append("tags", this.tags == null ? next.tags() : this.tags.slugs(next.tags()))
				.append("authors", this.authors == null ? next.authors() : this.authors.slugs(next.authors()));
			events.add(this.feed.stage(type, ArticleEvents.SCHEMA_VERSION, next.updatedAt(), next.id(), data));
		}
		return events;
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
