package news.platform.article.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * {@code article_translations}: one document per set of translations, {@code members} the article
 * ids in it. The unique index over {@code members} is both the rule that an article is in one group
 * at most (a write that would put it in a second fails) and the key an article's group is read by.
 * The group document is the commit point of a change, with the events it announces staged in it. A
 * group left with one article is dissolved: its document stays (the relay still reads the events
 * staged in it) without {@code members}.
 */
@Component
public class TranslationGroups {

	public static final String COLLECTION = "article_translations";

	static final String MEMBERS_INDEX = "members_unique";

	private final MongoCollection<Document> collection;

	public TranslationGroups(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		// sparse: a dissolved group (fewer than two members) keeps its document for the events staged
		// in it, without members
		shapes.createIndexes(this.collection, new DeclaredIndex(MEMBERS_INDEX, List.of("members"), true, true));
		shapes.register(COLLECTION, List.of("members"), List.of(), MEMBERS_INDEX);
		shapes.register(COLLECTION, List.of("_id", "revision"), List.of(), "_id_");
	}

	/** A set of articles that translate each other. */
	public record Group(String id, long revision, List<String> members) {

		public Group {
			members = List.copyOf(members);
		}

	}

	/** The group the article is in, by the unique index over members. */
	public Optional<Group> of(String articleId) {
		Document document = this.collection.find(Filters.eq("members", articleId)).first();
		if (document == null) {
			return Optional.empty();
		}
		Object revision = document.get("revision");
		return Optional.of(new Group(document.getString("_id"), revision instanceof Number n ? n.longValue() : 0,
				document.getList("members", String.class, List.of())));
	}

	/** The other articles of the article's group; none when it is in none. */
	public List<String> othersOf(String articleId) {
		return of(articleId).map(group -> {
			List<String> others = new ArrayList<>(group.members());
			others.remove(articleId);
			return List.copyOf(others);
		}).orElse(List.of());
	}

	/** False when a member is already in another group (the unique index). */
	boolean insert(Group group, List<Document> pendingEvents) {
		Document document = new Document("_id", group.id()).append("revision", group.revision())
			.append("members", group.members());
		if (!pendingEvents.isEmpty()) {
			document.append(FeedPublisher.PENDING_EVENTS, pendingEvents);
		}
		try {
			this.collection.insertOne(document);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Writes {@code after} only if the stored revision is still {@code expectedRevision}; false when
	 * it moved on or a new member joined another group meanwhile.
	 */
	boolean replace(Group after, long expectedRevision, List<Document> pendingEvents) {
		try {
			return this.collection
				.updateOne(Filters.and(Filters.eq("_id", after.id()), Filters.eq("revision", expectedRevision)),
						Updates.combine(Updates.set("revision", after.revision()),
								after.members().size() < 2 ? Updates.unset("members")
										: Updates.set("members", after.members()),
								Updates.pushEach(FeedPublisher.PENDING_EVENTS, pendingEvents)))
				.getModifiedCount() == 1;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
