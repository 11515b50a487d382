package news.platform.site.page;

import java.util.List;

/** The records the templates render, one per page (STYLE.md 16). */
public final class Pages {

	private Pages() {
	}

	public record HomePage(Views.Chrome chrome, Views.TeaserView lead, List<Views.TeaserView> latest,
			List<Views.SectionBlock> sections) {
	}

	/**
	 * A list of stories: a section, a tag or an author.
	 *
	 * @param olderHref the next page ("starije vijesti"), null on the last
	 */
	public record ListPage(Views.Chrome chrome, String heading, String intro, List<Views.Link> subsections,
			List<Views.TeaserView> items, String olderHref) {
	}

	/** @param state {@code empty} (no query yet), {@code none} (no hits), {@code hits}, {@code refused} */
	public record SearchPage(Views.Chrome chrome, String query, String state, List<Views.TeaserView> results,
			String olderHref) {
	}

	public record ArticlePage(Views.Chrome chrome, String headline, String standfirst, Views.Link section,
			List<Views.Link> authors, String source, Views.Dated published, Views.Dated updated, String readingTime,
			Views.PictureView hero, List<Views.BodyPart> body, List<Views.CorrectionView> corrections,
			List<Views.Link> tags, List<Views.TeaserView> related, boolean preview, CommentViews.Section comments) {
	}

	/**
	 * The comments of an article on a page of their own, for readers without JavaScript (further
	 * pages, other orders, more replies): either a thread's {@code section} or one comment's
	 * {@code replies}.
	 */
	public record CommentsPage(Views.Chrome chrome, String headline, String articleHref, CommentViews.Section section,
			CommentViews.Replies replies) {
	}

	public record ErrorPage(Views.Chrome chrome, int status, String title, String text) {
	}

}
