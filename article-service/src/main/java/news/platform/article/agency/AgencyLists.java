package news.platform.article.agency;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The staff lists an article's agency state puts it on, for the search index (staff work lists
 * filter {@code agency=pending-update} and {@code agency=withdrawn}): a published story with the
 * agency's newer version waiting for an editor, and a story the agency withdrew (published or
 * not). Read by key when the index brings an article up to date, all at once when it is rebuilt;
 * a change is announced on the article feed as {@value AgencyItems#EVENT}.
 */
@Component
public class AgencyLists {

	public static final String PENDING_UPDATE = "pending-update";

	public static final String WITHDRAWN = "withdrawn";

	/** Every value of the list filter, in the order a refusal names them. */
	public static final List<String> VALUES = List.of(PENDING_UPDATE, WITHDRAWN);

	/** The feed event that says an article's lists changed (its subject is the article). */
	public static final String EVENT = AgencyItems.EVENT;

	private final AgencyItems items;

	AgencyLists(AgencyItems items) {
		this.items = items;
	}

	/** The lists {@code articleId} is on now; empty when it came from no agency item. A key lookup. */
	public Set<String> of(String articleId) {
		return this.items.listsOf(articleId);
	}

	/** Batch work (the index's rebuild): every article on a list, with its lists. */
	public Map<String, Set<String>> all() {
		return this.items.allListed();
	}

}
