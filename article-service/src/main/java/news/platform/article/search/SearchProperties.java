package news.platform.article.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param indexPath where this replica keeps its index; when unset, a fresh temporary directory
 * (tests, throwaway runs), removed on shutdown
 * @param commitInterval how often index writes reach the disk; a crash loses at most this much,
 * which the rebuild or the event feed restores
 * @param cacheControl for list and search responses: short, because a new article changes page 1
 * @param rebuildWhenEmpty rebuild from MongoDB at start-up when the index is empty and MongoDB is not
 * @param responseCache memory for rendered list and search responses shared by identical requests
 * ({@code 0} turns the cache off)
 * @param threads searches running in the index at once (0: one per core); the others wait in
 * arrival order ({@link SearchBulkhead})
 * @param queue searches that may wait; one more is refused with 503
 * @param maxWait how long a search may wait for its answer before it is refused with 503
 */
@ConfigurationProperties("platform.search")
record SearchProperties(String indexPath, @DefaultValue("1s") Duration commitInterval,
		@DefaultValue("public, max-age=10, stale-while-revalidate=30, stale-if-error=86400") String cacheControl,
		@DefaultValue("true") boolean rebuildWhenEmpty, @DefaultValue("16MB") DataSize responseCache,
		@DefaultValue("0") int threads, @DefaultValue("256") int queue, @DefaultValue("2s") Duration maxWait) {

}
