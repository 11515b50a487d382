package news.platform.autoconfigure.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-side sessions of a web application (the site, the desk), kept in its own MongoDB
 * database so that any replica serves any request without sticky sessions.
 *
 * @param enabled whether this process keeps its sessions in MongoDB
 * @param cookieName the session cookie's name: each web application has its own (on
 * {@code localhost} browsers ignore ports, so equal names would overwrite each other)
 * @param secureCookie whether the cookie is sent over HTTPS only (true outside {@code local})
 * @param timeout how long a session lives without a request
 * @param key the AES-256 key sessions are encrypted with at rest, base64 (from a Secret in a cluster)
 * @param keyFile where {@code local} keeps the key it made on first start (owner-only), when
 * {@code key} is unset
 * @param cleanupInterval how often expired sessions are removed (the embedded MongoDB has no TTL indexes)
 * @param touchInterval a session's last-access time is written at most this often when nothing
 * else in it changed: a page view that changes nothing costs no write
 */
@ConfigurationProperties("platform.sessions")
public record SessionProperties(@DefaultValue("false") boolean enabled, String cookieName,
		@DefaultValue("true") boolean secureCookie, @DefaultValue("8h") Duration timeout, String key, String keyFile,
		@DefaultValue("5m") Duration cleanupInterval, @DefaultValue("60s") Duration touchInterval) {
}
