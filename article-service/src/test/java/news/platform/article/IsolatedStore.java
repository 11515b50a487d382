package news.platform.article;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import news.platform.article.commit.ArticleCommits;
import news.platform.article.commit.ArticleSaved;
import news.platform.article.revision.Revisions;
import news.platform.article.schedule.Schedule;
import news.platform.article.section.SectionDirectory;
import news.platform.article.section.Sections;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.article.story.Block;
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.feed.publish.FeedPublishing;
import news.platform.autoconfigure.feed.publish.Leases;
import news.platform.autoconfigure.feed.publish.PublishedFeed;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.testsupport.TestMongo;

/**
 * The article store, revisions, the write path and the article feed (the shared publisher, set up
 * as the service declares it) over a database of their own on the test MongoDB, with no
 * application context: tests that race replicas or simulate crashes stay apart from the service's
 * own background jobs. Relays run only when a test calls {@code relayOnce()}.
 */
public final class IsolatedStore implements AutoCloseable {

	public static final PublishedFeed FEED = PublishedFeed.of("articles", "articleId", "articles", "article_outbox")
		.alsoFrom("sections");

	/** The platform's public URLs with the shared setting's patterns. */
	public static final PublicUrls URLS = new PublicUrls(URI.create("http://localhost:8080"), null,
			new PublicUrls.Paths("/{section}/{slug}", "/{section}", "/tag/{tag}", "/autor/{author}", "/trazi"));

	/** The service's relay settings (config-repo/article-service.yml), run by hand. */
	public static final FeedProperties SETTINGS = new FeedProperties(1,
			new FeedProperties.Relay(false, Duration.ofMillis(200), Duration.ofSeconds(10), 500),
			new FeedProperties.Follow(false, Duration.ofMillis(250), 500, Duration.ofSeconds(2), Duration.ofSeconds(30),
					20));

	public final MongoDatabase database;

	public final Articles articles;

	public final Revisions revisions;

	public final ArticleCommits commits;

	public final Schedule schedule;

	/** This database's sections (none unless a test adds some). */
	public final SectionDirectory sections;

	/** The feed as this process's write path stages into it. */
	public final FeedPublisher feed;

	private final MongoClient client;

	private final QueryShapes shapes = new QueryShapes();

	public IsolatedStore() {
		this.client = MongoClients.create(TestMongo.connectionString());
		this.database = this.client.getDatabase("isolated-" + UUID.randomUUID().toString().substring(0, 8));
		this.articles = new Articles(this.database, this.shapes);
		this.revisions = new Revisions(this.database, this.articles, this.shapes);
		this.schedule = new Schedule(this.database, this.shapes);
		this.feed = relay();
		this.sections = new SectionDirectory(new Sections(this.database, this.shapes), URLS);
		this.commits = new ArticleCommits(this.articles, this.schedule, this.feed,
				event -> this.revisions.onSaved((ArticleSaved) event), Clock.systemUTC(), this.sections);
	}

	/** A fresh publisher with a relay of its own, as another replica (or a restarted one) would have. */
	public FeedPublisher relay() {
		FeedPublishing publishing = new FeedPublishing(this.database, this.shapes,
				new Leases(this.database, Clock.systemUTC(), this.shapes), SETTINGS, new SimpleAsyncTaskScheduler(),
				Clock.systemUTC());
		return publishing.publisher(FEED);
	}

	/** The events staged inside article documents and not yet relayed, oldest first. */
	public List<Document> staged() {
		List<Document> staged = new ArrayList<>();
		this.database.getCollection(Articles.COLLECTION)
			.find(Filters.exists(FeedPublisher.PENDING_EVENTS + ".eventId"))
			.forEach(article -> staged.addAll(article.getList(FeedPublisher.PENDING_EVENTS, Document.class)));
		staged.sort((a, b) -> a.getDate("occurredAt").compareTo(b.getDate("occurredAt")));
		return staged;
	}

	/** The relay's markers: articles that may hold staged events. */
	public long outboxMarkers() {
		return this.database.getCollection(FEED.outboxCollection()).countDocuments();
	}

	public Article draft(String headline) {
		Instant now = this.commits.now();
		String id = new ObjectId().toHexString();
		return this.commits.create(new Article(id, "slug-" + id, List.of(), "hr", headline, null,
				List.of(new Block.Paragraph("Tekst.")), List.of(), "vijesti", List.of(), null, null, true, null,
				ArticleStatus.DRAFT, "j-1", now, now, null, null, null, null, 0, 0, 1, List.of(), "j-1"));
	}

	public Article publish(Article draft) {
		Instant now = this.commits.now();
		return this.commits
			.save(draft, draft.withWorkflow(ArticleStatus.PUBLISHED, now, now, null, null, List.of(), now, "editor"),
					"publish")
			.orElseThrow();
	}

	public Article schedule(Article draft, Instant at) {
		return this.commits
			.save(draft, draft.withWorkflow(ArticleStatus.SCHEDULED, null, null, at, null, List.of(),
					this.commits.now(), "editor"), "schedule")
			.orElseThrow();
	}

	@Override
	public void close() {
		this.database.drop();
		this.client.close();
	}

}
