package news.platform.article.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Two collections. {@code tags}: one document per tag, {@code _id} = its stable id, the commit
 * point of every tag write with its staged {@code tag.changed} event (relayed on the article feed,
 * like a section's). {@code tag_slugs}: one document per slug a tag ever had, {@code _id} = the
 * slug, so a slug is unique by its key; a claim whose tag document was never written (a crash in
 * between) is taken over. Requests never read these: {@link TagDirectory} holds every tag in
 * memory, read whole at start-up and kept current by key lookups after each change.
 */
@Component
public class Tags {

	public static final String COLLECTION = "tags";

	public static final String SLUGS = "tag_slugs";

	private final MongoCollection<Document> collection;

	private final MongoCollection<Document> slugs;

	public Tags(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.slugs = database.getCollection(SLUGS);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(SLUGS, List.of("_id"), List.of(), "_id_");
		// the directory reads the tags whole at start-up (batch)
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
	}

	/** Every tag (batch: start-up). */
	void forEach(Consumer<Tag> action) {
		this.collection.find().forEach(d -> action.accept(fromDocument(d)));
	}

	Optional<Tag> find(String id) {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", id)).first()).map(Tags::fromDocument);
	}

	/** True if {@code tagId} now holds {@code slug}; a claim whose tag was never written is taken over. */
	boolean claim(String slug, String tagId) {
		try {
			this.slugs.insertOne(new Document("_id", slug).append("tagId", tagId));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		Document existing = this.slugs.find(Filters.eq("_id", slug)).first();
		if (existing == null) {
			return claim(slug, tagId);
		}
		String holder = existing.getString("tagId");
		if (tagId.equals(holder)) {
			return true;
		}
		if (find(holder).isPresent()) {
			return false;
		}
		return this.slugs
			.updateOne(Filters.and(Filters.eq("_id", slug), Filters.eq("tagId", holder)), Updates.set("tagId", tagId))
			.getModifiedCount() == 1;
	}

	/** The tag holding {@code slug}, by key. */
	Optional<String> holderOf(String slug) {
		return Optional.ofNullable(this.slugs.find(Filters.eq("_id", slug)).first()).map(d -> d.getString("tagId"));
	}

	void release(String slug, String tagId) {
		this.slugs.deleteOne(Filters.and(Filters.eq("_id", slug), Filters.eq("tagId", tagId)));
	}

	void insert(Tag tag, List<Document> pendingEvents) {
		this.collection.insertOne(toDocument(tag).append(FeedPublisher.PENDING_EVENTS, pendingEvents));
	}

	/** Writes {@code after} only if the stored revision is still {@code expectedRevision}. */
	boolean replace(Tag after, long expectedRevision, List<Document> pendingEvents) {
		List<Bson> updates = new ArrayList<>();
		toDocument(after).forEach((key, value) -> {
			if (!"_id".equals(key)) {
				updates.add(Updates.set(key, value));
			}
		});
		updates.add(Updates.pushEach(FeedPublisher.PENDING_EVENTS, pendingEvents));
		return this.collection
			.updateOne(Filters.and(Filters.eq("_id", after.id()), Filters.eq("revision", expectedRevision)),
					Updates.combine(updates))
			.getModifiedCount() == 1;
	}

	private static Document toDocument(Tag t) {
		return new Document("_id", t.id()).append("slug", t.slug())
			.append("name", t.name())
			.append("previousSlugs", t.previousSlugs())
			.append("mergedInto", t.mergedInto())
			.append("revision", t.revision())
			.append("createdAt", Date.from(t.createdAt()))
			.append("updatedAt", Date.from(t.updatedAt()));
	}

	private static Tag fromDocument(Document d) {
		List<String> previous = d.getList("previousSlugs", String.class);
		return new Tag(d.getString("_id"), d.getString("slug"), d.getString("name"),
				previous == null ? List.of() : previous, d.getString("mergedInto"),
				((Number) d.get("revision")).longValue(), instant(d.getDate("createdAt")),
				instant(d.getDate("updatedAt")));
	}

	private static Instant instant(Date date) {
		return date == null ? Instant.EPOCH : date.toInstant();
	}

}
