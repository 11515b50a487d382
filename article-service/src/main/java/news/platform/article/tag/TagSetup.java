package news.platform.article.tag;

import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import news.platform.article.story.Articles;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Once per database, at start-up: every free-text tag older articles store that no tag stands for
 * yet becomes a tag (its slug from the text, the text as its name), so it has a public page and
 * shows in autocomplete. The articles are not rewritten: {@link TagDirectory} maps their text to
 * the tag by its slug form when they are read, and the search index files the text under that
 * slug form, which a filter by the tag includes. A marker in {@code article_settings} (keyed) keeps
 * it from running again; two replicas starting together meet at the slug claims.
 */
@Component
class TagSetup implements SmartInitializingSingleton {

	static final String SETTINGS = "article_settings";

	static final String LEGACY = "legacy-tags-made";

	private static final Logger log = LoggerFactory.getLogger(TagSetup.class);

	private final MongoCollection<Document> settings;

	private final Articles articles;

	private final TagEditing editing;

	TagSetup(MongoDatabase database, QueryShapes shapes, Articles articles, TagEditing editing) {
		this.settings = database.getCollection(SETTINGS);
		shapes.register(SETTINGS, List.of("_id"), List.of(), "_id_");
		this.articles = articles;
		this.editing = editing;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.settings.find(Filters.eq("_id", LEGACY)).first() != null) {
			return;
		}
		int made = 0;
		for (String value : this.articles.distinctTags()) {
			if (value.isBlank() || ObjectId.isValid(value)) {
				continue;
			}
			String slug = TagEditing.slugFor(value.strip());
			if (slug.isEmpty()) {
				log.warn("Stored tag '{}' has no letters or digits; its articles keep it as text", value);
				continue;
			}
			try {
				this.editing.ensure(List.of(value));
				made++;
			}
			catch (RuntimeException ex) {
				log.warn("Stored tag '{}' did not become a tag: {}", value, ex.getMessage());
			}
		}
		try {
			this.settings.insertOne(new Document("_id", LEGACY).append("at", new Date()));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		if (made > 0) {
			log.info("Free-text tags of stored articles checked: {} now stand for a tag", made);
		}
	}

}
