package news.platform.article.agency;

import java.time.Instant;

/**
 * What the agency said about one of our articles.
 *
 * @param articleId our article
 * @param uri the agency's identifier of the story
 * @param version the agency's version now in the article, or {@code null}
 * @param versionCreated when the agency made that version, or {@code null}
 * @param pubstatus the agency's {@code pubstatus} of that version ({@code usable}, {@code withheld}),
 * kept as the agency said it, or {@code null}
 * @param withdrawn the agency withdrew the story ({@code pubstatus: canceled})
 * @param withdrawnAt when the kill notice came, or {@code null}
 * @param pending the one newer version kept for an editor (published stories only), or {@code null}
 */
record AgencyState(String articleId, String uri, String version, Instant versionCreated, String pubstatus, boolean withdrawn,
		Instant withdrawnAt, PendingUpdate pending) {
}
