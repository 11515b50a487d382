package news.platform.article.reader;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reader cache and the HTTP caching headers of reader responses ({@code article.cache.*} in
 * config-repo/article-service.yml).
 *
 * @param maxSize the memory the ready bytes of published articles may take (each entry weighed by its
 * bytes); the agency-exchange (ninjs) answers get a tenth of it besides
 * @param maxAge how long a CDN or browser may reuse a response without asking
 * @param staleWhileRevalidate how long a stale response may be served while a fresh one is fetched
 * @param staleIfError how long a stale response may be served while this service fails
 */
@ConfigurationProperties("article.cache")
record ReaderProperties(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("60s") Duration maxAge,
		@DefaultValue("30s") Duration staleWhileRevalidate, @DefaultValue("86400s") Duration staleIfError) {

	String cacheControl() {
		return "public, max-age=" + this.maxAge.toSeconds() + ", stale-while-revalidate="
				+ this.staleWhileRevalidate.toSeconds() + ", stale-if-error=" + this.staleIfError.toSeconds();
	}

}
