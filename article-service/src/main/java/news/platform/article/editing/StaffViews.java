package news.platform.article.editing;

import java.time.Clock;

import org.springframework.stereotype.Component;

import news.platform.article.access.Caller;
import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;

/**
 * The staff view of an article for the caller asking: its section as a current path, its public
 * URL once readers can see it, and the actions the caller may take now.
 */
@Component
public class StaffViews {

	private final ArticleEditing editing;

	private final SectionDirectory sections;

	private final Clock clock;

	StaffViews(ArticleEditing editing, SectionDirectory sections, Clock clock) {
		this.editing = editing;
		this.sections = sections;
		this.clock = clock;
	}

	public StaffArticleView of(Article article, Caller caller) {
		return StaffArticleView.of(article, this.sections.display(article.section()),
				article.visibleAt(this.clock.instant()) ? this.sections.articleUrl(article.section(), article.slug())
						: null,
				this.editing.allowedActions(article, caller));
	}

}
