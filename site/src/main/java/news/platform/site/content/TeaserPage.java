package news.platform.site.content;

import java.util.List;

/** One page of a list: its stories and where the next page starts (null on the last). */
public record TeaserPage(List<Teaser> items, String nextCursor) {

	public static TeaserPage empty() {
		return new TeaserPage(List.of(), null);
	}

}
