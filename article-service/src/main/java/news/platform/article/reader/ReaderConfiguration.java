package news.platform.article.reader;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import news.platform.article.section.SectionChanged;
import news.platform.article.section.SectionDirectory;
import news.platform.autoconfigure.feed.follow.FeedCursor;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.publish.FeedPublisher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReaderProperties.class)
class ReaderConfiguration {

	/**
	 * A write on this replica drops its cache entry at once ({@code ArticleSaved}); a write taken by
	 * another replica arrives through the feed, read in-process from this service's own database.
	 * The cache starts empty, so it follows from the head, in memory.
	 */
	@Bean
	FeedFollower readerCacheFollower(FeedFollowing following, FeedPublisher articleFeed, ReaderCache cache,
			SectionDirectory sections) {
		return following.follower("article-service.reader-cache", articleFeed.feed().name(), articleFeed.events(),
				FeedCursor.fromHead(), event -> {
					if (SectionChanged.EVENT.equals(event.type())) {
						// a section another replica changed: its paths and its articles' URLs
						sections.reload();
						cache.invalidateAll();
					}
					else if (event.subjectId() != null) {
						cache.invalidate(event.subjectId());
					}
				}, following.defaults());
	}

	@Bean
	FilterRegistrationBean<ReaderFastPath> readerFastPath(ReaderCache cache, ReaderProperties properties) {
		FilterRegistrationBean<ReaderFastPath> registration = new FilterRegistrationBean<>(
				new ReaderFastPath(cache, properties.cacheControl()));
		registration.addUrlPatterns(ReaderFastPath.PREFIX + "*");
		// after the request-metrics/tracing filter (Boot orders it at HIGHEST_PRECEDENCE + 1),
		// before Spring Security's chain
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
