package news.platform.site.readers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import news.platform.site.content.Article;
import news.platform.site.render.PageCache;
import news.platform.site.render.Withdrawn;

/**
 * The stories the readers' answers are about (headline, language, section and slug for the links),
 * kept in memory, so that the personal fragment, asked on every view of a story by a signed-in reader,
 * does not ask article-service each time (the profile of bench/site/readers.sh showed that call on
 * every fragment). A story is held while nothing has changed since it was read: every article event
 * the feed follower applies moves the page cache's generation on (see {@code Freshness}), and a story
 * read in an older generation is read again; a withdrawn one is not served from here at all. The
 * lifetime ({@code site.readers.article-for}) bounds what a missed event could leave behind. Only
 * found stories are kept: an unknown id asks again (and answers 404).
 */
@Component
class PersonalArticles {

	private record Held(Article article, long generation) {
	}

	private final Cache<String, Held> held;

	private final PageCache pages;

	private final Withdrawn withdrawn;

	PersonalArticles(ReaderProperties properties, PageCache pages, Withdrawn withdrawn) {
		this.held = Caffeine.newBuilder()
			.maximumSize(properties.articlesHeld())
			.expireAfterWrite(properties.articleFor())
			.executor(Runnable::run)
			.build();
		this.pages = pages;
		this.withdrawn = withdrawn;
	}

	/**
	 * The published story with this id, from memory while it is current, else from {@code read} (the
	 * caller's call to article-service); either way only the fields the links need ({@link #links}).
	 */
	Optional<Article> byId(String id, Function<String, Optional<Article>> read) {
		if (this.withdrawn.contains(id)) {
			this.held.invalidate(id);
			return read.apply(id).map(PersonalArticles::links);
		}
		long generation = this.pages.generation();
		Held current = this.held.getIfPresent(id);
		if (current != null && current.generation() == generation) {
			return Optional.of(current.article());
		}
		// the generation is taken before the call: an event while it is under way leaves the copy stale
		Optional<Article> article = read.apply(id).map(PersonalArticles::links);
		article.ifPresentOrElse(found -> this.held.put(id, new Held(found, generation)), () -> this.held.invalidate(id));
		return article;
	}

	/**
	 * What the readers' answers use of a story (its id, headline, language, section, slug, dates):
	 * the body, pictures, tags and the rest are left out, so an entry is a few hundred bytes and the
	 * cache's bound in stories ({@code site.readers.articles-held}) bounds its bytes too.
	 */
	private static Article links(Article story) {
		return new Article(story.id(), story.slug(), story.language(), story.headline(), null, List.of(), List.of(),
				story.section(), List.of(), null, null, story.publishedAt(), story.firstPublishedAt(), story.updatedAt(),
				0, 0, List.of(), List.of(), story.url());
	}

}
