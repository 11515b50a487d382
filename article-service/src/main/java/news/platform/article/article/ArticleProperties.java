package news.platform.article.article;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The service's own settings ({@code article.*} in config-repo/article-service.yml). */
@ConfigurationProperties("article")
public record ArticleProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Cache cache,
		@DefaultValue Scheduler scheduler, @DefaultValue Feed feed) {

	/** Reader cache and the HTTP caching headers of reader responses. */
	public record Cache(@DefaultValue("10000") int maxEntries, @DefaultValue("60s") Duration maxAge,
			@DefaultValue("30s") Duration staleWhileRevalidate, @DefaultValue("86400s") Duration staleIfError) {

		public String cacheControl() {
			return "public, max-age=" + this.maxAge.toSeconds() + ", stale-while-revalidate="
					+ this.staleWhileRevalidate.toSeconds() + ", stale-if-error=" + this.staleIfError.toSeconds();
		}

	}

	public record Scheduler(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
			@DefaultValue("200") int batchSize) {
	}

	public record Feed(@DefaultValue("true") boolean relayEnabled, @DefaultValue("200ms") Duration relayInterval,
			@DefaultValue("10s") Duration leaseTtl, @DefaultValue("250ms") Duration followInterval,
			@DefaultValue("500") int batchSize) {
	}

}
