package news.platform.article.section;

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import news.platform.article.slug.Slugs;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Once per database, before the service takes requests or its followers start: a new database gets
 * the configured sections ({@code article.sections.initial}), and every free-text section that
 * older articles store and no section stands for yet becomes a section of its own (its slug from
 * the text, the text as its name), so those articles keep their own section page and URL. The
 * articles are not rewritten: {@link SectionDirectory} maps what they store to the section at read
 * time. Each step leaves a marker in {@code article_settings} (keyed), so it never runs again; two
 * replicas starting together on a new database meet at the path claims, and one of them wins each.
 */
@Component
@EnableConfigurationProperties(SectionProperties.class)
class SectionSetup implements SmartInitializingSingleton {

	static final String SETTINGS = "article_settings";

	static final String SEEDED = "sections-initialised";

	static final String LEGACY = "legacy-sections-migrated";

	private static final Logger log = LoggerFactory.getLogger(SectionSetup.class);

	private final MongoCollection<Document> settings;

	private final SectionEditing editing;

	private final SectionDirectory directory;

	private final Articles articles;

	private final SectionProperties properties;

	SectionSetup(MongoDatabase database, QueryShapes shapes, SectionEditing editing, SectionDirectory directory,
			Articles articles, SectionProperties properties) {
		this.settings = database.getCollection(SETTINGS);
		shapes.register(SETTINGS, List.of("_id"), List.of(), "_id_");
		this.editing = editing;
		this.directory = directory;
		this.articles = articles;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!done(SEEDED)) {
			seed();
			mark(SEEDED);
		}
		if (!done(LEGACY)) {
			int created = migrateLegacySections();
			mark(LEGACY);
			if (created > 0) {
				log.info("{} free-text section(s) of stored articles became sections", created);
			}
		}
	}

	/** The configured sections, parents first; a path someone else already holds is left to them. */
	void seed() {
		for (SectionProperties.Initial initial : this.properties.initial()) {
			this.directory.reload();
			if (this.directory.byCurrentPath(initial.path()).isPresent()) {
				continue;
			}
			String[] parts = initial.path().split("/", 2);
			String parent = parts.length == 2 ? parts[0] : null;
			String slug = parts.length == 2 ? parts[1] : parts[0];
			try {
				this.editing.create(new SectionEditing.Input(slug, initial.name(), initial.description(), null, parent));
			}
			catch (ApiProblem ex) {
				log.warn("Configured section '{}' was not created: {}", initial.path(), ex.getMessage());
			}
		}
	}

	/**
	 * Batch work, once per database: every distinct stored section value that resolves to no
	 * section becomes a top-level section (slug from the text). Text whose slug form is empty or
	 * reserved stays unresolved: such articles read and list with their text as it is, and need a
	 * section before they are published again. Answers how many sections it created.
	 */
	int migrateLegacySections() {
		int created = 0;
		for (String value : this.articles.distinctSections()) {
			if (value.isBlank() || this.directory.resolve(value).isPresent()) {
				continue;
			}
			String slug = Slugs.fromHeadline(value);
			if (slug.isEmpty() || slug.length() > SectionEditing.MAX_SLUG || PublicUrls.RESERVED_SEGMENTS.contains(slug)) {
				log.warn("Stored section '{}' has no usable slug; its articles keep it as text", value);
				continue;
			}
			String name = value.strip();
			try {
				this.editing.create(new SectionEditing.Input(slug,
						name.length() > SectionEditing.MAX_NAME ? name.substring(0, SectionEditing.MAX_NAME) : name,
						null, null, null));
				created++;
			}
			catch (ApiProblem ex) {
				log.warn("Stored section '{}' did not become a section: {}", value, ex.getMessage());
			}
		}
		return created;
	}

	private boolean done(String step) {
		return this.settings.find(Filters.eq("_id", step)).first() != null;
	}

	private void mark(String step) {
		try {
			this.settings.insertOne(new Document("_id", step).append("at", new java.util.Date()));
		}
		catch (MongoWriteException ex) {
			// another replica finished the same step first
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

}
