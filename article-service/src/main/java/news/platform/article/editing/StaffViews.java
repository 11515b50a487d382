package news.platform.article.editing;

import java.time.Clock;

import org.springframework.stereotype.Component;

import news.platform.article.access.Caller;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;
import news.platform.article.tag.TagDirectory;

/**
 * The staff view of an article for the caller asking: its section as a current path, its public
 * URL once readers can see it, and the actions the caller may take now.
 */
@Component
public class StaffViews {

	private final ArticleEditing editing;

	private final SectionDirectory sections;

	private final Clock clock;

	private final TagDirectory tags;

	private final AuthorDirectory authors;

	StaffViews(ArticleEditing editing, SectionDirectory sections, Clock clock, TagDirectory tags,
			AuthorDirectory authors) {
		this.editing = editing;
		this.sections = sections;
		this.clock = clock;
		this.tags = tags;
		this.authors = authors;
	}

	/** A stored snapshot (a revision) as it was: no actions, no URL, the section as stored; tags and authors as they read now. */
	public StaffArticleView snapshot(Article a) {
		return StaffArticleView.of(a, this.authors.labels(a.authors()), this.tags.labels(a.tags()), a.section(), null,
				java.util.List.of());
	}

	public StaffArticleView of(Article article, Caller caller) {
		return StaffArticleView.of(article, this.authors.labels(article.authors()), this.tags.labels(article.tags()),
				this.sections.display(article.section()),
				article.visibleAt(this.clock.instant()) ? this.sections.articleUrl(article.section(), article.slug())
						: null,
				this.editing.allowedActions(article, caller));
	}

}
