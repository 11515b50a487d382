package news.platform.article.references;

import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import news.platform.article.revision.Revisions;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Once per database, at start-up: articles and revisions stored before the {@code mediaIds} field
 * existed get it (batch work), so the media-references lookup by index sees them too. A marker in
 * {@code article_settings} (keyed) keeps it from running again; two replicas doing it at once write
 * the same values.
 */
@Component
class MediaReferencesSetup implements SmartInitializingSingleton {

	static final String SETTINGS = "article_settings";

	static final String DONE = "media-ids-stored";

	private static final Logger log = LoggerFactory.getLogger(MediaReferencesSetup.class);

	private final MongoCollection<Document> settings;

	private final Articles articles;

	private final Revisions revisions;

	MediaReferencesSetup(MongoDatabase database, QueryShapes shapes, Articles articles, Revisions revisions) {
		this.settings = database.getCollection(SETTINGS);
		shapes.register(SETTINGS, List.of("_id"), List.of(), "_id_");
		this.articles = articles;
		this.revisions = revisions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.settings.find(Filters.eq("_id", DONE)).first() != null) {
			return;
		}
		long articles = this.articles.backfillMediaIds();
		long revisions = this.revisions.backfillMediaIds();
		if (articles + revisions > 0) {
			log.info("Stored media ids on {} article(s) and {} revision(s) written before the field existed",
					articles, revisions);
		}
		try {
			this.settings.insertOne(new Document("_id", DONE).append("at", new Date()));
		}
		catch (MongoWriteException ex) {
			// another replica finished first
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

}
