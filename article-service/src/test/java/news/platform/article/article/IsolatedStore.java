package news.platform.article.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.types.ObjectId;

import org.springframework.util.unit.DataSize;

import news.platform.article.feed.EventRelay;
import news.platform.article.feed.FeedEvents;
import news.platform.article.feed.Leases;
import news.platform.starter.mongodb.QueryShapes;
import news.platform.article.revision.Revisions;
import news.platform.testsupport.TestMongo;

/**
 * The article store, revisions and feed over a database of their own on the test MongoDB, with
 * no application context: tests that race replicas or simulate crashes stay apart from the
 * service's own background jobs.
 */
public final class IsolatedStore implements AutoCloseable {

	public final MongoDatabase database;

	public final Articles articles;

	public final Revisions revisions;

	public final ArticleCommits commits;

	public final FeedEvents events;

	public final Outbox outbox;

	public final Schedule schedule;

	public final ArticleProperties properties = new ArticleProperties(DataSize.ofMegabytes(1),
			new ArticleProperties.Cache(100, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofDays(1)),
			new ArticleProperties.Scheduler(true, Duration.ofSeconds(1), 200),
			new ArticleProperties.Feed(true, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMillis(250),
					500));

	private final MongoClient client;

	private final QueryShapes shapes = new QueryShapes();

	public IsolatedStore() {
		this.client = MongoClients.create(TestMongo.connectionString());
		this.database = this.client.getDatabase("isolated-" + UUID.randomUUID().toString().substring(0, 8));
		this.articles = new Articles(this.database, this.shapes);
		this.revisions = new Revisions(this.database, this.articles, this.shapes);
		this.outbox = new Outbox(this.database, this.shapes);
		this.schedule = new Schedule(this.database, this.shapes);
		this.commits = new ArticleCommits(this.articles, this.outbox, this.schedule, event -> this.revisions.onSaved((ArticleSaved) event),
				Clock.systemUTC());
		this.events = new FeedEvents(this.database, this.shapes);
	}

	/** A fresh relay, as a replica (or a restarted one) would have. */
	public EventRelay relay() {
		return new EventRelay(this.articles, this.outbox, this.events, new Leases(this.database, Clock.systemUTC(), this.shapes),
				this.properties, Clock.systemUTC());
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
