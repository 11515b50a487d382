package news.platform.comment.thread;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;

/**
 * Posts per user: a token bucket per subject (Bucket4j), held in memory on each replica and
 * dropped after an idle period. Over the limit answers 429 with {@code Retry-After}. (A limit shared
 * across replicas would keep the buckets in a keyed MongoDB document per user; with N replicas a
 * user can post at most N times the limit.)
 */
@Component
class PostingRateLimit {

	private final CommentSettings settings;

	private final Cache<String, Held> buckets;

	private final Cache<String, Boolean> charged;

	/** A user's bucket and the limit it was made with: a refreshed limit replaces it on the next post. */
	private record Held(Bucket bucket, CommentProperties.RateLimit limit) {
	}

	PostingRateLimit(CommentSettings settings) {
		this.settings = settings;
		Duration period = settings.current().rateLimit().period();
		// an idle bucket is full again after one period: dropping it after two loses nothing
		this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).maximumSize(1_000_000).build();
		this.charged = Caffeine.newBuilder().expireAfterWrite(period).maximumSize(1_000_000).build();
		settings.onChange(changed -> {
			Duration refreshed = changed.rateLimit().period();
			this.buckets.policy().expireAfterAccess().ifPresent(e -> e.setExpiresAfter(refreshed.multipliedBy(2)));
			this.charged.policy().expireAfterWrite().ifPresent(e -> e.setExpiresAfter(refreshed));
		});
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
		CommentProperties.RateLimit limit = this.settings.current().rateLimit();
		Held held = this.buckets.get(subject, key -> new Held(Bucket.builder().addLimit(bandwidth(limit)).build(), limit));
		if (!held.limit().equals(limit)) {
			// the limit was refreshed: the bucket takes it, keeping the share of tokens it had left
			held.bucket()
				.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(limit)).build(),
						TokensInheritanceStrategy.PROPORTIONALLY);
			this.buckets.put(subject, new Held(held.bucket(), limit));
		}
		ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
			throw ApiProblem.retryLater(ProblemType.RATE_LIMITED,
					"Too many comments: you may post " + limit.capacity() + " comments per "
							+ limit.period().toSeconds() + " s; retry in " + seconds + " s.",
					seconds);
		}
	}

	private static Bandwidth bandwidth(CommentProperties.RateLimit limit) {
		return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build();
	}

}
