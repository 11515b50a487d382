package news.platform.article.section;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Two small collections. {@code sections}: one document per section, {@code _id} = its stable id,
 * the commit point of every section write (with its staged feed events, like an article).
 * {@code section_paths}: one document per path a section ever had, {@code _id} = the path, so a
 * path is unique by its key and an old path finds its section by key (it answers 301). A path is
 * claimed before the section write and released if that write fails; a claim left by a crash in
 * between only redirects to the section it names. Both collections hold tens of documents: the
 * service reads them whole into memory ({@link SectionDirectory}) at start-up and after a change,
 * never on a request.
 */
@Component
public class Sections {

	public static final String COLLECTION = "sections";

	public static final String PATHS = "section_paths";

	private final MongoCollection<Document> collection;

	private final MongoCollection<Document> paths;

	public Sections(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.paths = database.getCollection(PATHS);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(PATHS, List.of("_id"), List.of(), "_id_");
		// the directory reads both whole (tens of documents), at start-up and after a change
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
		shapes.register(PATHS, List.of(), List.of(), "_id_");
	}

	/** Every section, deleted ones included (batch: a small collection read whole). */
	List<Section> all() {
		List<Section> all = new ArrayList<>();
		this.collection.find().forEach(d -> all.add(fromDocument(d)));
		return all;
	}

	/** Every claimed path and the id of the section it leads to (batch: a small collection). */
	Map<String, String> allPaths() {
		Map<String, String> all = new LinkedHashMap<>();
		this.paths.find().forEach(d -> all.put(d.getString("_id"), d.getString("sectionId")));
		return all;
	}

	Optional<Section> find(String id) {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", id)).first()).map(Sections::fromDocument);
	}

	/**
	 * True if {@code sectionId} now holds {@code path}; false if another live section does. A claim
	 * whose section is gone or deleted is taken over.
	 */
	boolean claim(String path, String sectionId) {
		try {
			this.paths.insertOne(new Document("_id", path).append("sectionId", sectionId));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		Document existing = this.paths.find(Filters.eq("_id", path)).first();
		if (existing == null) {
			return claim(path, sectionId);
		}
		String holder = existing.getString("sectionId");
		if (sectionId.equals(holder)) {
			return true;
		}
		boolean live = find(holder).map(section -> !section.deleted()).orElse(false);
		if (live) {
			return false;
		}
		return this.paths
			.updateOne(Filters.and(Filters.eq("_id", path), Filters.eq("sectionId", holder)),
					Updates.set("sectionId", sectionId))
			.getModifiedCount() == 1;
	}

	/** Gives back a claim whose section write failed, or every path of a deleted section. */
	void release(String path, String sectionId) {
		this.paths.deleteOne(Filters.and(Filters.eq("_id", path), Filters.eq("sectionId", sectionId)));
	}

	/** A new section with the events its creation stages, in one insert (the commit point). */
	void insert(Section section, List<Document> pendingEvents) {
		Document document = toDocument(section);
		if (!pendingEvents.isEmpty()) {
			document.append(FeedPublisher.PENDING_EVENTS, pendingEvents);
		}
		this.collection.insertOne(document);
	}

	/** Writes {@code after} only if the stored revision is still {@code expectedRevision}. */
	boolean replace(Section after, long expectedRevision, List<Document> pendingEvents) {
		List<Bson> updates = new ArrayList<>();
		toDocument(after).forEach((key, value) -> {
			if (!"_id".equals(key)) {
				updates.add(Updates.set(key, value));
			}
		});
		if (!pendingEvents.isEmpty()) {
			updates.add(Updates.pushEach(FeedPublisher.PENDING_EVENTS, pendingEvents));
		}
		return this.collection
			.updateOne(Filters.and(Filters.eq("_id", after.id()), Filters.eq("revision", expectedRevision)),
					Updates.combine(updates))
			.getModifiedCount() == 1;
	}

	private static Document toDocument(Section s) {
		return new Document("_id", s.id()).append("slug", s.slug())
			.append("parentId", s.parentId())
			.append("name", s.name())
			.append("description", s.description())
			.append("position", s.position())
			.append("revision", s.revision())
			.append("createdAt", Date.from(s.createdAt()))
			.append("updatedAt", Date.from(s.updatedAt()))
			.append("deleted", s.deleted());
	}

	private static Section fromDocument(Document d) {
		return new Section(d.getString("_id"), d.getString("slug"), d.getString("parentId"), d.getString("name"),
				d.getString("description"), d.getInteger("position", 0), ((Number) d.get("revision")).longValue(),
				instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")),
				Boolean.TRUE.equals(d.getBoolean("deleted")));
	}

	private static Instant instant(Date date) {
		return date == null ? Instant.EPOCH : date.toInstant();
	}

}
