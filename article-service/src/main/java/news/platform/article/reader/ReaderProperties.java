package news.platform.article.reader;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reader cache and the HTTP caching headers of reader responses ({@code article.cache.*} in
 * config-repo/article-service.yml).
 *
 * @param maxEntries published articles kept as ready bytes
 * @param maxAge how long a CDN or browser may reuse a response without asking
 * @param staleWhileRevalidate how long a stale response may be served while a fresh one is fetched
 * @param staleIfError how long a stale response may be served while this service fails
 */
@ConfigurationProperties("article.cache")
record ReaderProperties(@DefaultValue("10000") int maxEntries, @DefaultValue("60s") Duration maxAge,
		@DefaultValue("30s") Duration staleWhileRevalidate, @DefaultValue("86400s") Duration staleIfError) {

	String cacheControl() {
		return "public, max-age=" + this.maxAge.toSeconds() + ", stale-while-revalidate="
				+ this.staleWhileRevalidate.toSeconds() + ", stale-if-error=" + this.staleIfError.toSeconds();
	}

}
