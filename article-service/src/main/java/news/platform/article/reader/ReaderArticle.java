package news.platform.article.reader;

import java.time.Instant;
import java.util.List;

import news.platform.article.story.Article;
import news.platform.article.story.Block;
import news.platform.article.story.Correction;

/** A published article as readers get it: no workflow state, no owner, no revision. */
record ReaderArticle(String id, String slug, String language, String headline, String standfirst, List<Block> body,
		List<String> authors, String section, List<String> tags, String source, String heroMediaId,
		boolean commentsOpen, Instant commentsCloseAt, Instant publishedAt, Instant firstPublishedAt,
		Instant updatedAt, int wordCount, int readingMinutes, List<Correction> corrections) {

	static ReaderArticle of(Article a, Instant now) {
		return new ReaderArticle(a.id(), a.slug(), a.language(), a.headline(), a.standfirst(), a.body(), a.authors(),
				a.section(), a.tags(), a.source(), a.heroMediaId(), a.commentsOpenAt(now), a.commentsCloseAt(),
				a.publishedAt(), a.firstPublishedAt(), a.updatedAt(), a.wordCount(), a.readingMinutes(),
				a.corrections());
	}

}
