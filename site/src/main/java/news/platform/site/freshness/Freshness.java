package news.platform.site.freshness;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.follow.FeedHandler;
import news.platform.site.content.Sections;
import news.platform.site.content.Slugs;
import news.platform.site.page.Dates;
import news.platform.site.render.PageCache;
import news.platform.site.render.Topics;
import news.platform.site.render.Withdrawn;

/**
 * What each article event drops from this replica's page cache: the story's own pages (every path
 * it had), every list, feed and sitemap that shows it or may now show it (the latest stories, its
 * section and the section's parent, its tags and authors, its month's sitemap, search results),
 * and every other story page whose related box or "read also" links show it. An unpublished or
 * deleted story's pages are removed outright and remembered ({@link Withdrawn}), so no stale copy is
 * served even while a service is down. Types it does not know are skipped.
 */
public final class Freshness implements FeedHandler {

	private static final Logger log = LoggerFactory.getLogger(Freshness.class);

	private final PageCache cache;

	private final Withdrawn withdrawn;

	private final Sections sections;

	private final PublicUrls urls;

	private final Counter applied;

	public Freshness(PageCache cache, Withdrawn withdrawn, Sections sections, PublicUrls urls, MeterRegistry meters) {
		this.cache = cache;
		this.withdrawn = withdrawn;
		this.sections = sections;
		this.urls = urls;
		this.applied = Counter.builder("site.pages.invalidated")
			.description("Cached answers an article event made stale or removed")
			.register(meters);
	}

	@Override
	public void apply(FeedEvent event) {
		String type = event.type() == null ? "" : event.type();
		switch (type) {
			case "article.published", "article.updated" -> changed(event, false);
			case "article.unpublished", "article.deleted" -> changed(event, true);
			case "section.changed" -> {
				this.sections.refresh();
				this.cache.invalidateAll();
			}
			// names shown on story pages and in lists: rare enough to start afresh
			case "tag.changed", "author.changed" -> this.cache.invalidateAll();
			// a translation linked or unlinked (ADR 0011): the article's page lists its hreflang links
			case "translations.changed" -> {
				if (event.subjectId() != null) {
					this.applied.increment(this.cache.invalidate(Set.of(event.subjectId()), Set.of(), Set.of(), false));
				}
			}
			default -> {
				// article.saved, article.comments-changed (no page shows comments yet) and types to come
			}
		}
	}

	private void changed(FeedEvent event, boolean withdraw) {
		String id = event.subjectId();
		if (id == null) {
			return;
		}
		FeedData data = event.data();
		String slug = data.string("slug");
		String sectionPath = this.sections.pathOf(data.string("section"));
		String path = slug != null && Slugs.isSlug(slug) ? this.urls.articlePath(sectionPath, slug) : null;
		if (withdraw) {
			this.withdrawn.add(id, path, event.occurredAt() != null ? event.occurredAt() : Instant.now());
		}
		else {
			this.withdrawn.remove(id);
		}
		Set<String> topics = new LinkedHashSet<>();
		topics.add(Topics.LATEST);
		topics.add(Topics.SEARCH);
		topics.add(Topics.section(sectionPath));
		int slash = sectionPath.indexOf('/');
		if (slash > 0) {
			topics.add(Topics.section(sectionPath.substring(0, slash)));
		}
		List<String> tags = slugs(data, "tagSlugs", "tags");
		List<String> authors = slugs(data, "authorSlugs", "authors");
		if (event.schemaVersion() >= 2 && data.has("tags") || data.has("tagSlugs")) {
			tags.forEach(tag -> topics.add(Topics.tag(tag)));
		}
		else {
			topics.add(Topics.ANY_TAG);
		}
		if (event.schemaVersion() >= 2 && data.has("authors") || data.has("authorSlugs")) {
			authors.forEach(author -> topics.add(Topics.author(author)));
		}
		else {
			topics.add(Topics.ANY_AUTHOR);
		}
		month(data.instant("publishedAt"), topics);
		month(data.instant("firstPublishedAt"), topics);
		Set<String> keys = new LinkedHashSet<>();
		if (path != null) {
			keys.add(path);
		}
		int touched = this.cache.invalidate(Set.of(id), topics, keys, withdraw);
		this.applied.increment(touched);
		log.debug("{} {} (seq {}): {} cached answers dropped", event.type(), id, event.seq(), touched);
	}

	private static void month(Instant instant, Set<String> topics) {
		if (instant != null) {
			topics.add(Topics.month(YearMonth.from(instant.atZone(Dates.ZAGREB)).toString()));
		}
	}

	/** Slugs under the first field present; names made into slugs (schema version 1 carries none). */
	private static List<String> slugs(FeedData data, String... fields) {
		for (String field : fields) {
			if (data.has(field)) {
				return data.strings(field).stream().map(Slugs::of).filter(slug -> !slug.isEmpty()).toList();
			}
		}
		return List.of();
	}

}
