package news.platform.article.reader;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import news.platform.article.naming.Label;
import news.platform.article.story.Article;
import news.platform.article.story.Block;
import news.platform.article.story.Correction;

/**
 * A published article as readers get it: no workflow state, no owner, no revision. {@code section}
 * is the section's path now; {@code url} is the article's public page (the shared public-URL
 * patterns), {@code null} only for an older article whose free-text section matches no section.
 * {@code tags} and {@code authors} are {@code {id, slug, name, url}} as they are now ({@code url}:
 * the tag's or author's page on the site, for a byline link); a free-text author name of an older
 * article is {@code {name}} alone.
 */
record ReaderArticle(String id, String slug, String language, String headline, String standfirst, List<Block> body,
		List<Label> authors, String section, List<Label> tags, String source, String heroMediaId,
		boolean commentsOpen, Instant commentsCloseAt, Instant publishedAt, Instant firstPublishedAt,
		Instant updatedAt, int wordCount, int readingMinutes, List<Correction> corrections, URI url,
		List<Translation> translations) {

	/**
	 * A published translation of the article (past its embargo): its language tag and public URL,
	 * what a page needs for {@code <link rel="alternate" hreflang>}.
	 */
	record Translation(String id, String language, URI url) {
	}

	static ReaderArticle of(Article a, Instant now, String section, URI url, List<Label> authors, List<Label> tags,
			List<Translation> translations) {
		return new ReaderArticle(a.id(), a.slug(), a.language(), a.headline(), a.standfirst(), a.body(), authors,
				section, tags, a.source(), a.heroMediaId(), a.commentsOpenAt(now), a.commentsCloseAt(),
				a.publishedAt(), a.firstPublishedAt(), a.updatedAt(), a.wordCount(), a.readingMinutes(),
				a.corrections(), url, translations);
	}

}
