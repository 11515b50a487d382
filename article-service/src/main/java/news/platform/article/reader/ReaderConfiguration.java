package news.platform.article.reader;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import news.platform.article.author.AuthorChanged;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.section.SectionChanged;
import news.platform.article.tag.TagChanged;
import news.platform.article.tag.TagDirectory;
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
	 * The cache starts empty, so it follows from the head, in memory. The same follower keeps this
	 * replica's tags and authors current ({@code tag.changed}, {@code author.changed}), so lists and
	 * answers show a rename made on any replica within about half a second.
	 */
	@Bean
	FeedFollower readerCacheFollower(FeedFollowing following, FeedPublisher articleFeed, ReaderCache cache,
			SectionDirectory sections, TagDirectory tags, AuthorDirectory authors) {
		return following.follower("article-service.reader-cache", articleFeed.feed().name(), articleFeed.events(),
				FeedCursor.fromHead(), event -> {
					if (SectionChanged.EVENT.equals(event.type())) {
						// a section another replica changed: its paths and its articles' URLs
						sections.reload();
						cache.invalidateAll();
					}
					else if (TagChanged.EVENT.equals(event.type())) {
						// a tag another replica made, renamed or merged: re-read by key, drop the answers naming it
						for (String id : new String[] { event.data().string("id"), event.data().string("mergedFrom") }) {
							if (id != null) {
								tags.refresh(id);
								cache.invalidateNaming(id);
							}
						}
					}
					else if (AuthorChanged.EVENT.equals(event.type())) {
						String id = event.data().string("id");
						if (id != null) {
							authors.refresh(id);
							cache.invalidateNaming(id);
						}
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
