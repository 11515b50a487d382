package news.platform.article.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import news.platform.article.section.SectionDirectory;
import news.platform.article.section.SectionUsage;
import news.platform.article.tag.TagDirectory;
import news.platform.article.tag.TagUsage;
import news.platform.article.author.AuthorUsage;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.publish.FeedPublisher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	SearchBulkhead searchBulkhead(SearchProperties properties, MeterRegistry meters) {
		int threads = properties.threads() > 0 ? properties.threads() : Runtime.getRuntime().availableProcessors();
		return new SearchBulkhead(threads, properties.queue(), properties.maxWait(), meters);
	}

	@Bean(destroyMethod = "close")
	LuceneArticleIndex articleIndex(SearchProperties properties, Clock clock, TagDirectory tags) {
		LuceneArticleIndex index = luceneIndex(properties, clock);
		// related stories count a tag merged into another as that tag
		index.sharedTagKeys(reference -> tags.resolve(reference)
			.map(tags::filterKeys)
			.orElseGet(() -> java.util.Set.of(TagDirectory.indexKey(reference))));
		return index;
	}

	private static LuceneArticleIndex luceneIndex(SearchProperties properties, Clock clock) {
		if (StringUtils.hasText(properties.indexPath())) {
			return new LuceneArticleIndex(Path.of(properties.indexPath()), clock, properties.commitInterval(), false);
		}
		try {
			Path temporary = Files.createTempDirectory("article-search-");
			return new LuceneArticleIndex(temporary.resolve("index"), clock, properties.commitInterval(), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deleting a section asks the index whether articles still use it (any status). */
	@Bean
	SectionUsage sectionUsage(LuceneArticleIndex index) {
		return path -> index.idsInSection(path).stream().count();
	}

	/** A tag's public page exists once readers can see an article naming it. */
	@Bean
	TagUsage tagUsage(LuceneArticleIndex index) {
		return keys -> index.visibleWith(true, keys);
	}

	/** An author's public page exists once readers can see an article naming them. */
	@Bean
	AuthorUsage authorUsage(LuceneArticleIndex index) {
		return id -> index.visibleWith(false, java.util.Set.of(id));
	}

	/**
	 * The index follows the article feed in-process (this service's own database), whichever
	 * replica took a write, from the position it committed with its files.
	 */
	@Bean
	FeedFollower searchIndexFollower(FeedFollowing following, FeedPublisher articleFeed,
			SearchIndexMaintenance maintenance, LuceneArticleIndex index, SectionDirectory sections) {
		SearchFeedHandler handler = new SearchFeedHandler(maintenance, index, sections::reload);
		return following.follower("article-service.search-index", articleFeed.feed().name(), articleFeed.events(),
				handler, handler, following.defaults());
	}

}
