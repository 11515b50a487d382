package news.platform.article.preview;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Preview links ({@code article.preview.*} in config-repo/article-service.yml).
 *
 * @param ttl how long a new link works
 * @param maxLinks live links per article; a new one beyond it replaces the oldest
 * @param signingKey the HMAC-SHA256 key of the tokens, base64, at least 32 bytes (a Secret in a
 * cluster); when unset, a key made once and kept in the service's database, so every replica signs
 * and checks alike (anyone who can read that database could read the links' state anyway)
 */
@ConfigurationProperties("article.preview")
record PreviewProperties(@DefaultValue("72h") Duration ttl, @DefaultValue("20") int maxLinks, String signingKey) {
}
