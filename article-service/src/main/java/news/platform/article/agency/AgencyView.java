package news.platform.article.agency;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;

/**
 * What staff see of an article's agency item.
 *
 * @param uri the agency's identifier of the story
 * @param version the agency's version the article holds, or {@code null}
 * @param versionCreated when the agency made that version, or {@code null}
 * @param pubstatus the agency's {@code pubstatus} of that version, as it said it, or {@code null}
 * @param withdrawn the agency withdrew the story ({@code pubstatus: canceled})
 * @param withdrawnAt when, or {@code null}
 * @param flagged withdrawn while published: an editor has to decide (nothing is unpublished
 * automatically)
 * @param pendingUpdate a newer version of a published story waiting for an editor, or {@code null}
 */
record AgencyView(String uri, String version, Instant versionCreated, String pubstatus, boolean withdrawn, Instant withdrawnAt,
		boolean flagged, Pending pendingUpdate) {

	static AgencyView of(AgencyState state, Article article) {
		PendingUpdate p = state.pending();
		return new AgencyView(state.uri(), state.version(), state.versionCreated(), state.pubstatus(), state.withdrawn(),
				state.withdrawnAt(), state.withdrawn() && article.status() == ArticleStatus.PUBLISHED,
				p == null ? null : new Pending(p.version(), p.versionCreated(), p.headline(), p.receivedAt(),
						p.receivedBy()));
	}

	JsonNode toJson(JsonMapper json) {
		return json.valueToTree(this);
	}

	/** The pending update as listed: apply or discard it by the article's endpoints. */
	record Pending(String version, Instant versionCreated, String headline, Instant receivedAt, String receivedBy) {
	}

}
