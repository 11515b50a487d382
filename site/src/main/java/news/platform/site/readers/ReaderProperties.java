package news.platform.site.readers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Readers who sign in ({@code site.readers}).
 *
 * @param endSessionPath the issuer's sign-out endpoint, under the issuer
 * @param signUpPath the issuer's registration page, under the issuer
 * @param maxCommentLength comment-service's limit ({@code comment.text.max-length}), checked here
 * first so that an over-long comment is answered with the reader's text kept and nothing sent
 * @param ownComments how many of their own comments per article a reader's session remembers (to
 * show them as pending while moderation holds them)
 * @param editWindow comment-service's edit window ({@code comment.edit-window}): the edit form shows
 * within it
 * @param articleFor how long the readers' answers use a story read from article-service at most;
 * sooner read again after any article event (see {@code PersonalArticles})
 * @param articlesHeld how many stories they keep so
 */
@Validated
@ConfigurationProperties("site.readers")
public record ReaderProperties(@DefaultValue("/connect/logout") @NotBlank String endSessionPath,
		@DefaultValue("/signup") @NotBlank String signUpPath,
		@DefaultValue("2000") @Min(1) @Max(100000) int maxCommentLength,
		@DefaultValue("20") @Min(1) @Max(200) int ownComments,
		@DefaultValue("15m") java.time.Duration editWindow,
		@DefaultValue("60s") java.time.Duration articleFor,
		@DefaultValue("1000") @Min(1) @Max(100000) int articlesHeld) {
}
