package news.platform.article.author;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * Three collections. {@code authors}: one document per profile, {@code _id} = its stable id, the
 * commit point of each write with its staged {@code author.changed} event. {@code author_slugs}:
 * one document per slug a profile ever had, {@code _id} = the slug (unique by key, an old slug
 * finds its author). {@code author_users}: {@code _id} = a staff user's {@code sub}, the id of
 * their own profile, so "my profile" is made once however many requests race. Requests read
 * {@link AuthorDirectory}, which holds every profile in memory.
 */
@Component
public class Authors {

	public static final String COLLECTION = "authors";

	public static final String SLUGS = "author_slugs";

	static final String PHOTO_INDEX = "photoMediaId_1";

	public static final String USERS = "author_users";

	private final MongoCollection<Document> collection;

	private final MongoCollection<Document> slugs;

	private final MongoCollection<Document> users;

	public Authors(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.slugs = database.getCollection(SLUGS);
		this.users = database.getCollection(USERS);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(SLUGS, List.of("_id"), List.of(), "_id_");
		shapes.register(USERS, List.of("_id"), List.of(), "_id_");
		// the directory reads the profiles whole at start-up (batch)
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
		// media-service's clean-up asks whether a profile's photo is in use (a service call, at most 100 ids)
		shapes.createIndexes(this.collection, DeclaredIndex.sparse(PHOTO_INDEX, "photoMediaId"));
		shapes.register(COLLECTION, List.of("photoMediaId"), List.of(), PHOTO_INDEX);
	}

	/**
	 * Which of {@code mediaIds} some profile has as its photo: read from the store, not the
	 * in-memory directory, so a photo chosen on another replica a moment ago counts too.
	 */
	public Set<String> namingAny(Collection<String> mediaIds) {
		Set<String> named = new HashSet<>();
		if (mediaIds.isEmpty()) {
			return named;
		}
		this.collection.find(Filters.in("photoMediaId", mediaIds))
			.projection(new Document("photoMediaId", 1))
			.forEach(d -> named.add(d.getString("photoMediaId")));
		return named;
	}

	void forEach(Consumer<Author> action) {
		this.collection.find().forEach(d -> action.accept(fromDocument(d)));
	}

	Optional<Author> find(String id) {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", id)).first()).map(Authors::fromDocument);
	}

	/** The profile id a user's claim names, by key. */
	Optional<String> ofUser(String userId) {
		return Optional.ofNullable(this.users.find(Filters.eq("_id", userId)).first())
			.map(d -> d.getString("authorId"));
	}

	/** True if this claim now makes {@code authorId} the user's profile (first one wins). */
	boolean claimUser(String userId, String authorId) {
		try {
			this.users.insertOne(new Document("_id", userId).append("authorId", authorId));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		Document existing = this.users.find(Filters.eq("_id", userId)).first();
		if (existing == null) {
			return claimUser(userId, authorId);
		}
		String holder = existing.getString("authorId");
		if (authorId.equals(holder) || find(holder).isPresent()) {
			return authorId.equals(holder);
		}
		// a claim whose profile was never written (a crash in between): taken over
		return this.users
			.updateOne(Filters.and(Filters.eq("_id", userId), Filters.eq("authorId", holder)),
					Updates.set("authorId", authorId))
			.getModifiedCount() == 1;
	}

	/** True if {@code authorId} now holds {@code slug}; a claim whose profile was never written is taken over. */
	boolean claim(String slug, String authorId) {
		try {
			this.slugs.insertOne(new Document("_id", slug).append("authorId", authorId));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		Document existing = this.slugs.find(Filters.eq("_id", slug)).first();
		if (existing == null) {
			return claim(slug, authorId);
		}
		String holder = existing.getString("authorId");
		if (authorId.equals(holder)) {
			return true;
		}
		if (find(holder).isPresent()) {
			return false;
		}
		return this.slugs
			.updateOne(Filters.and(Filters.eq("_id", slug), Filters.eq("authorId", holder)),
					Updates.set("authorId", authorId))
			.getModifiedCount() == 1;
	}

	void release(String slug, String authorId) {
		this.slugs.deleteOne(Filters.and(Filters.eq("_id", slug), Filters.eq("authorId", authorId)));
	}

	void insert(Author author, List<Document> pendingEvents) {
		this.collection.insertOne(toDocument(author).append(FeedPublisher.PENDING_EVENTS, pendingEvents));
	}

	boolean replace(Author after, long expectedRevision, List<Document> pendingEvents) {
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

	private static Document toDocument(Author a) {
		return new Document("_id", a.id()).append("slug", a.slug())
			.append("name", a.name())
			.append("bio", a.bio())
			.append("photoMediaId", a.photoMediaId())
			.append("links", a.links())
			.append("public", a.publicProfile())
			.append("userId", a.userId())
			.append("previousSlugs", a.previousSlugs())
			.append("revision", a.revision())
			.append("createdAt", Date.from(a.createdAt()))
			.append("updatedAt", Date.from(a.updatedAt()));
	}

	private static Author fromDocument(Document d) {
		List<String> links = d.getList("links", String.class);
		List<String> previous = d.getList("previousSlugs", String.class);
		return new Author(d.getString("_id"), d.getString("slug"), d.getString("name"), d.getString("bio"),
				d.getString("photoMediaId"), links == null ? List.of() : links, Boolean.TRUE.equals(d.getBoolean("public")),
				d.getString("userId"), previous == null ? List.of() : previous, ((Number) d.get("revision")).longValue(),
				instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")));
	}

	private static Instant instant(Date date) {
		return date == null ? Instant.EPOCH : date.toInstant();
	}

}
