package news.platform.article.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import news.platform.autoconfigure.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SearchBulkheadTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<CompletableFuture<String>> callers = new ArrayList<>();

	private SearchBulkhead bulkhead;

	@AfterEach
	void close() {
		this.release.countDown();
		// the blocking caller itself may have been refused (it waited too); only its end matters
		this.callers.forEach(caller -> caller.handle((value, failure) -> value).join());
		this.bulkhead.close();
	}

	@Test
	void neverRunsMoreSearchesAtOnceThanItHasThreads() {
		this.bulkhead = new SearchBulkhead(2, 100, Duration.ofSeconds(10), this.meters);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		for (int i = 0; i < 12; i++) {
			this.callers.add(CompletableFuture.supplyAsync(() -> this.bulkhead.run(() -> {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				sleepBriefly();
				running.decrementAndGet();
				return "done";
			})));
		}
		assertThat(this.callers.stream().map(CompletableFuture::join)).hasSize(12).containsOnly("done");
		assertThat(most.get()).isEqualTo(2);
		// the pool counts a task as completed only after its caller has the result
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.meters.get("executor.completed").tag("name", "search").functionCounter().count() == 12);
	}

	@Test
	void aSearchThatFindsTheQueueFullIsRefusedWith503AndRetryAfter() {
		this.bulkhead = new SearchBulkhead(1, 1, Duration.ofSeconds(10), this.meters);
		blockTheOnlyThread();
		this.callers.add(CompletableFuture.supplyAsync(() -> this.bulkhead.run(() -> "queued")));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.meters.get("executor.queued").tag("name", "search").gauge().value() == 1);

		assertThatThrownBy(() -> this.bulkhead.run(() -> "refused")).isInstanceOfSatisfying(ApiProblem.class,
				problem -> {
					assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(problem.slug()).isEqualTo("busy");
					assertThat(problem.retryAfterSeconds()).isEqualTo(1);
				});
	}

	@Test
	void aSearchThatWaitsLongerThanAllowedIsRefused() {
		this.bulkhead = new SearchBulkhead(1, 10, Duration.ofMillis(200), this.meters);
		blockTheOnlyThread();

		assertThatThrownBy(() -> this.bulkhead.run(() -> "too late")).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

	@Test
	void aSearchsOwnFailureReachesTheCallerAsItIs() {
		this.bulkhead = new SearchBulkhead(1, 10, Duration.ofSeconds(10), this.meters);
		ApiProblem invalid = ApiProblem.invalidParameter("q", "is too long");

		assertThatThrownBy(() -> this.bulkhead.run(() -> {
			throw invalid;
		})).isSameAs(invalid);
	}

	private void blockTheOnlyThread() {
		// a search that ignores interrupts, as Lucene's scoring loop does, until the test ends
		this.callers.add(CompletableFuture.supplyAsync(() -> this.bulkhead.run(() -> {
			boolean released = false;
			while (!released) {
				try {
					this.release.await(10, TimeUnit.SECONDS);
					released = true;
				}
				catch (InterruptedException ex) {
					// keeps the thread, like a search under way
				}
			}
			return "blocking";
		})));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.meters.get("executor.active").tag("name", "search").gauge().value() == 1);
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
