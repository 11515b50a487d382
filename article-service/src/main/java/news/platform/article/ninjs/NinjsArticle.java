package news.platform.article.ninjs;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import news.platform.article.story.Article;
import news.platform.article.story.Block;

/**
 * What the ninjs export needs to know about an article. The article package maps its own model
 * to this record, so the export does not depend on how articles are stored.
 *
 * @param id the article id
 * @param slug the current slug
 * @param canonicalUrl the public URL of the article, or {@code null}
 * @param language BCP 47 language tag, such as {@code hr}
 * @param headline the headline
 * @param standfirst the standfirst, or {@code null}
 * @param blocks the body in reading order
 * @param authors byline names
 * @param section section name, or {@code null}
 * @param tags tags
 * @param source source or credit line (agencies), or {@code null}
 * @param heroMediaId media-service id of the lead picture, or {@code null}
 * @param mediaBaseUrl where media-service serves a media item by id ({@code <base>/<mediaId>}), or
 * {@code null} to leave picture associations without renditions
 * @param status the workflow status name ({@code DRAFT}, {@code PUBLISHED}, ...)
 * @param createdAt when the article was created
 * @param updatedAt when this revision was saved
 * @param firstPublishedAt first publication, or {@code null}
 * @param publishedAt current publication, or {@code null}
 * @param embargoUntil embargo end, or {@code null}
 * @param revision the revision number
 * @param wordCount words in the body
 * @param corrections public corrections, oldest first
 */
public record NinjsArticle(String id, String slug, URI canonicalUrl, String language, String headline,
		String standfirst, List<Block> blocks, List<String> authors, String section, List<String> tags, String source,
		String heroMediaId, URI mediaBaseUrl, String status, Instant createdAt, Instant updatedAt,
		Instant firstPublishedAt, Instant publishedAt, Instant embargoUntil, long revision, int wordCount,
		List<Correction> corrections) {

	public NinjsArticle {
		blocks = blocks == null ? List.of() : List.copyOf(blocks);
		authors = authors == null ? List.of() : List.copyOf(authors);
		tags = tags == null ? List.of() : List.copyOf(tags);
		corrections = corrections == null ? List.of() : List.copyOf(corrections);
	}

	/**
	 * The export's view of a stored article.
	 * @param canonicalUrl the article's public URL, or {@code null}
	 * @param mediaBaseUrl where media-service serves media by id, or {@code null}
	 */
	public static NinjsArticle of(Article article, URI canonicalUrl, URI mediaBaseUrl) {
		return of(article, article.section(), canonicalUrl, mediaBaseUrl);
	}

	/**
	 * As {@link #of(Article, URI, URI)}, with the section as it reads now (an older article's
	 * free-text section mapped to the section's path).
	 */
	public static NinjsArticle of(Article article, String section, URI canonicalUrl, URI mediaBaseUrl) {
		return new NinjsArticle(article.id(), article.slug(), canonicalUrl, article.language(), article.headline(),
				article.standfirst(), article.body(), article.authors(), section, article.tags(),
				article.source(), article.heroMediaId(), mediaBaseUrl, article.status().name(), article.createdAt(),
				article.updatedAt(), article.firstPublishedAt(), article.publishedAt(), article.embargoUntil(),
				article.revision(), article.wordCount(),
				article.corrections().stream().map((c) -> new Correction(c.at(), c.text())).toList());
	}

	/** A dated public correction note. */
	public record Correction(Instant at, String text) {
	}

}
