package news.platform.article.linking;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Articles;
import news.platform.article.story.Block;
import news.platform.article.story.RichText;

/**
 * Where an inline link to another article leads a reader: that article's public URL now (its
 * current slug and section path), or nowhere while it is not published, so a link never points
 * readers at a draft, an embargoed story or one taken down. Key lookups by id only.
 */
@Component
public class ArticleLinkTargets {

	private final Articles articles;

	private final SectionDirectory sections;

	private final Clock clock;

	ArticleLinkTargets(Articles articles, SectionDirectory sections, Clock clock) {
		this.articles = articles;
		this.sections = sections;
		this.clock = clock;
	}

	/** The body as readers get it: article links with their {@code href}, or as text. */
	public List<Block> forReaders(List<Block> body) {
		return RichText.resolveArticleLinks(body, this::href);
	}

	/** The public URL of a published article, or {@code null}. */
	public String href(String articleId) {
		return this.articles.find(articleId)
			.filter(a -> a.visibleAt(this.clock.instant()))
			.map(a -> this.sections.articleUrl(a.section(), a.slug()))
			.map(URI::toString)
			.orElse(null);
	}

}
