package news.platform.desk.agency;

import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import news.platform.desk.signin.SignedInPerson;
import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.Texts;

/** Reads a story's agency state for the editor ({@code GET /api/v1/articles/{id}/agency}). */
@Component
public class AgencyPanels {

	private final ArticleService articles;

	AgencyPanels(ArticleService articles) {
		this.articles = articles;
	}

	/**
	 * The panel, or null when the story came from no agency item (404) or the state cannot be read
	 * now: the editor works without it.
	 */
	public AgencyPanel load(String storyId, long revision, SignedInPerson person, Texts t) {
		JsonNode agency;
		try {
			agency = this.articles.agency(storyId);
		}
		catch (ArticleService.Refused | ServiceUnavailable ex) {
			return null;
		}
		JsonNode pending = agency.path("pendingUpdate");
		AgencyPanel.PendingUpdate update = pending.isObject()
				? new AgencyPanel.PendingUpdate(pending.path("version").asString(""),
						pending.path("headline").asString(""), t.dateTime(instant(pending.path("receivedAt"))),
						pending.path("receivedBy").asString(""))
				: null;
		return new AgencyPanel(storyId, revision, agency.path("uri").asString(""),
				agency.path("version").asString(""), agency.path("withdrawn").asBoolean(false),
				agency.path("flagged").asBoolean(false), update, person != null && person.editor());
	}

	private static java.time.Instant instant(JsonNode value) {
		try {
			return value.isString() ? OffsetDateTime.parse(value.asString()).toInstant() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
