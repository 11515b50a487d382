package news.platform.site.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import news.platform.site.content.ArticleApi;
import news.platform.site.content.Teaser;
import news.platform.site.content.TeaserPage;
import news.platform.site.render.RenderTimer;
import news.platform.site.render.Withdrawn;

/**
 * A page of stories from one or more lists, newest first: a parent section is its own list and its
 * subsections' (until issue 16's section filter includes children), merged by publication time. Keyset
 * paging by {@link OlderCursor}; withdrawn stories are left out.
 */
final class Stories {

	/** Same-millisecond stories before the cursor take room in a list page; this much room is kept for them. */
	private static final int SLACK = 6;

	private static final Comparator<Teaser> NEWEST_FIRST = Comparator
		.comparing(Teaser::publishedAt, Comparator.reverseOrder())
		.thenComparing(Teaser::id, Comparator.reverseOrder());

	private final ArticleApi articles;

	private final Withdrawn withdrawn;

	Stories(ArticleApi articles, Withdrawn withdrawn) {
		this.articles = articles;
		this.withdrawn = withdrawn;
	}

	record Slice(List<Teaser> items, OlderCursor next) {
	}

	/** Lists asked for and not yet merged. */
	final class Pending {

		private final List<Future<TeaserPage>> pages;

		private final OlderCursor cursor;

		private final int size;

		private Pending(List<Future<TeaserPage>> pages, OlderCursor cursor, int size) {
			this.pages = pages;
			this.cursor = cursor;
			this.size = size;
		}

		Slice join(RenderTimer timer) {
			Map<String, Teaser> merged = new LinkedHashMap<>();
			for (Future<TeaserPage> page : this.pages) {
				for (Teaser teaser : timer.join(page).items()) {
					if (teaser.publishedAt() != null && (this.cursor == null || this.cursor.isBefore(teaser))
							&& !Stories.this.withdrawn.contains(teaser.id())) {
						merged.putIfAbsent(teaser.id(), teaser);
					}
				}
			}
			List<Teaser> sorted = new ArrayList<>(merged.values());
			sorted.sort(NEWEST_FIRST);
			if (sorted.size() > this.size) {
				List<Teaser> shown = List.copyOf(sorted.subList(0, this.size));
				return new Slice(shown, OlderCursor.after(shown.get(shown.size() - 1)));
			}
			return new Slice(List.copyOf(sorted), null);
		}

	}

	Pending fork(RenderTimer timer, List<ArticleApi.ListQuery> queries, OlderCursor cursor, int size) {
		List<Future<TeaserPage>> pages = new ArrayList<>();
		for (ArticleApi.ListQuery query : queries) {
			ArticleApi.ListQuery bounded = new ArticleApi.ListQuery(query.section(), query.tag(), query.author(),
					query.from(), cursor == null ? query.to() : cursor.upperBound(), Math.min(50, size + 1 + SLACK));
			pages.add(timer.fork(() -> this.articles.list(bounded)));
		}
		return new Pending(pages, cursor, size);
	}

	Slice get(RenderTimer timer, List<ArticleApi.ListQuery> queries, OlderCursor cursor, int size) {
		return fork(timer, queries, cursor, size).join(timer);
	}

}
