package news.platform.media.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.media.MediaMetrics;
import news.platform.media.MediaProperties;
import news.platform.media.item.MediaItems;

@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

	/** The consumer name: the {@code consumer} tag of {@code feed_consumer_*}. */
	static final String CONSUMER = "media-service.library-index";

	@Bean
	LibraryItems libraryItems(MediaItems items, MediaProperties properties, MediaMetrics metrics) {
		MediaProperties.Library library = properties.library();
		return new LibraryItems(items::findAll, library.itemCacheSize().toBytes(), library.itemCacheTtl(), metrics.registry());
	}

	@Bean(destroyMethod = "close")
	LibraryIndex libraryIndex(MediaProperties properties) {
		MediaProperties.Library library = properties.library();
		if (!library.indexPath().isEmpty()) {
			return new LibraryIndex(Path.of(library.indexPath()), library.commitInterval(), false);
		}
		try {
			Path temporary = Files.createTempDirectory("media-library-");
			return new LibraryIndex(temporary.resolve("index"), library.commitInterval(), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every replica follows media's own feed in-process (its own database), from the position its
	 * index committed with its files. Always on: {@code platform.feed.follow.enabled} switches off
	 * polling other services (a benchmark of the service alone), not this replica's own index.
	 */
	@Bean
	FeedFollower libraryIndexFollower(FeedFollowing following, FeedPublisher mediaFeed, LibraryMaintenance maintenance,
			LibraryIndex index) {
		LibraryFeedHandler handler = new LibraryFeedHandler(maintenance, index);
		return following.follower(CONSUMER, mediaFeed.feed().name(), mediaFeed.events(), handler, handler,
				following.defaults().withEnabled(true));
	}

}
