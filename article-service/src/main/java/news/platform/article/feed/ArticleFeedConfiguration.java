package news.platform.article.feed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.article.author.Authors;
import news.platform.article.section.Sections;
import news.platform.article.tag.Tags;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.feed.publish.FeedPublishing;
import news.platform.autoconfigure.feed.publish.PublishedFeed;

/**
 * The article feed, published through the shared machinery: events staged in the article document
 * by the write path, moved into {@code events} by one relay at a time (lease {@code event-relay},
 * markers in {@code article_outbox}), served at {@code /internal/v1/articles/events} by the shared
 * endpoint. Collection and lease names are the ones this service always used, so existing data
 * keeps working. The feed also announces {@code section.changed}, {@code tag.changed},
 * {@code author.changed}, {@code translations.changed} and {@code agency.changed}, staged in
 * {@code sections}, {@code tags}, {@code authors}, {@code article_translations} and
 * {@code agency_items} documents ({@link PublishedFeed#alsoFrom}).
 * Settings: {@code platform.feed.relay.*}.
 */
@Configuration(proxyBeanMethods = false)
class ArticleFeedConfiguration {

	/**
	 * {@code translation.TranslationGroups.COLLECTION}, named here rather than imported: the
	 * translation package depends on editing, which depends on this one through the commit path
	 * (TranslationHttpTest fails if the two names part).
	 */
	private static final String TRANSLATION_GROUPS = "article_translations";

	/**
	 * {@code agency.AgencyItems.COLLECTION}, named here for the same reason (the agency package
	 * depends on editing); AgencyListHttpTest fails if the two names part.
	 */
	private static final String AGENCY_ITEMS = "agency_items";


	@Bean
	FeedPublisher articleFeed(FeedPublishing publishing) {
		// section, tag and author events are staged in their own documents and announced on the same feed
		return publishing.publisher(
				PublishedFeed.of(ArticleEvents.FEED, "articleId", "articles", "article_outbox")
					.alsoFrom(Sections.COLLECTION, Tags.COLLECTION, Authors.COLLECTION, TRANSLATION_GROUPS,
							AGENCY_ITEMS));
	}

}
