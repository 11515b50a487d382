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

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	SearchBulkhead searchBulkhead(SearchProperties properties, MeterRegistry meters) {
		int threads = properties.threads() > 0 ? properties.threads() : Runtime.getRuntime().availableProcessors();
		return new SearchBulkhead(threads, properties.queue(), properties.maxWait(), meters);
	}

	@Bean(destroyMethod = "close")
	LuceneArticleIndex articleIndex(SearchProperties properties) {
		if (StringUtils.hasText(properties.indexPath())) {
			return new LuceneArticleIndex(Path.of(properties.indexPath()), Clock.systemUTC(),
					properties.commitInterval(), false);
		}
		try {
			Path temporary = Files.createTempDirectory("article-search-");
			return new LuceneArticleIndex(temporary.resolve("index"), Clock.systemUTC(), properties.commitInterval(),
					true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
