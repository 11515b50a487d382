package news.platform.comment.thread;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.CommentProperties;

/**
 * Posts per user: a token bucket per subject (Bucket4j), held in memory on each replica and
 * dropped after an idle period. Over the limit answers 429 with {@code Retry-After}. (A limit shared
 * across replicas would keep the buckets in a keyed MongoDB document per user; with N replicas a
 * user can post at most N times the limit.)
 */
@Component
class PostingRateLimit {

	private final CommentProperties.RateLimit limit;

	private final Cache<String, Bucket> buckets;

	private final Cache<String, Boolean> charged;

	PostingRateLimit(CommentProperties properties) {
		this.limit = properties.rateLimit();
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(this.limit.period().multipliedBy(2))
			.maximumSize(1_000_000)
			.build();
		this.charged = Caffeine.newBuilder().expireAfterWrite(this.limit.period()).maximumSize(1_000_000).build();
	}

	/**
	 * Takes one post from the subject's bucket. A post with an Idempotency-Key takes it once: its
	 * retries (even concurrent ones) pass, and the comment document decides which one stores.
	 */
	void acquire(String subject, String idempotencyKey) {
		if (idempotencyKey != null && this.charged.asMap().putIfAbsent(subject + "\n" + idempotencyKey, Boolean.TRUE) != null) {
			return;
		}
		acquire(subject);
	}

	void acquire(String subject) {
		Bucket bucket = this.buckets.get(subject, key -> Bucket.builder()
			.addLimit(bandwidth -> bandwidth.capacity(this.limit.capacity())
				.refillGreedy(this.limit.refill(), this.limit.period()))
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
			throw ApiProblem.retryLater(ProblemType.RATE_LIMITED,
					"Too many comments: you may post " + this.limit.capacity() + " comments per "
							+ this.limit.period().toSeconds() + " s; retry in " + seconds + " s.",
					seconds);
		}
	}

}
