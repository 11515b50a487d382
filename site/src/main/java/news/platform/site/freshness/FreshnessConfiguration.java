package news.platform.site.freshness;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.feed.follow.FeedCursor;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.site.content.Sections;
import news.platform.site.render.PageCache;
import news.platform.site.render.Withdrawn;

/**
 * Each replica follows the article feed on its own (the shared follower, its {@code service} token,
 * in memory from the head: the cache starts empty and needs only what happens from now on), every
 * {@code platform.feed.follow.interval}.
 */
@Configuration(proxyBeanMethods = false)
class FreshnessConfiguration {

	@Bean
	Freshness freshness(PageCache cache, Withdrawn withdrawn, Sections sections, PublicUrls urls,
			MeterRegistry meters) {
		return new Freshness(cache, withdrawn, sections, urls, meters);
	}

	@Bean
	FeedFollower articleEvents(FeedFollowing following, Environment environment, Freshness freshness) {
		return following.follower("site", "articles",
				following.http(environment.getProperty("platform.upstreams.article-service"), "articles", "articleId"),
				FeedCursor.fromHead(), freshness);
	}

	/** The sections again every minute (article-service's, issue 15, or the configured ones). */
	@Component
	static class SectionRefresh {

		private final Sections sections;

		private final PageCache cache;

		SectionRefresh(Sections sections, PageCache cache) {
			this.sections = sections;
			this.cache = cache;
		}

		@Scheduled(initialDelay = 0, fixedDelayString = "${site.sections-refresh:60s}")
		void refresh() {
			if (this.sections.refresh()) {
				this.cache.invalidateAll();
			}
		}

	}

}
