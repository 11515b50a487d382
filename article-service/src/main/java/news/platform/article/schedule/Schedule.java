package news.platform.article.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * {@code article_schedule}: one small document per scheduled article ({@code _id} = article id,
 * {@code at} = when), written before the article write that schedules it, so the scheduler's
 * frequent "what is due" question reads this short list rather than every article. The article
 * stays the truth: a marker whose article is no longer scheduled for that time is just removed.
 * Written by the write path ({@code commit.ArticleCommits}), read by {@code workflow.ScheduledPublisher}.
 */
@Component
public class Schedule {

	public static final String COLLECTION = "article_schedule";

	static final String DUE_INDEX = "at_1";

	private final MongoCollection<Document> collection;

	public Schedule(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(DUE_INDEX, "at"));
		shapes.register(COLLECTION, List.of("at"), List.of(), DUE_INDEX);
		shapes.register(COLLECTION, List.of("_id", "at"), List.of(), "_id_");
	}

	public record Entry(String articleId, Instant at) {
	}

	/** Before the article write that schedules it, so the scheduler can never miss it. */
	public void mark(String articleId, Instant at) {
		this.collection.updateOne(Filters.eq("_id", articleId), Updates.set("at", Date.from(at)),
				new UpdateOptions().upsert(true));
	}

	/** Batch work for the scheduler. */
	public List<Entry> due(Instant now, int limit) {
		List<Entry> due = new ArrayList<>();
		this.collection.find(Filters.lte("at", Date.from(now)))
			.limit(limit)
			.forEach(d -> due.add(new Entry(d.getString("_id"), d.getDate("at").toInstant())));
		return due;
	}

	/**
	 * Markers not yet due or cleared: the scheduler's backlog. A metadata count, not a scan; a
	 * marker left by an article unscheduled meanwhile counts until its time comes.
	 */
	public long backlog() {
		return this.collection.estimatedDocumentCount();
	}

	/** Unless the article was rescheduled meanwhile (a new time). */
	public void clear(Entry entry) {
		this.collection.deleteOne(Filters.and(Filters.eq("_id", entry.articleId()), Filters.eq("at", Date.from(entry.at()))));
	}

}
