package news.platform.media.library;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import news.platform.media.item.MediaItem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache the library's pages are shown from: hits stay in memory, a drop makes the next page
 * read MongoDB, and a read that overlapped a drop (a write and its feed event while MongoDB was
 * answering) is answered but never kept.
 */
class LibraryItemsTest {

	private final Map<String, MediaItem> stored = new LinkedHashMap<>();

	private final List<List<String>> reads = new ArrayList<>();

	private final AtomicReference<Runnable> duringRead = new AtomicReference<>();

	private final LibraryItems items = new LibraryItems(this::read, 1_000_000, Duration.ofMinutes(1), new SimpleMeterRegistry());

	@Test
	void hitsStayInMemoryAndADropReadsAgain() {
		store("a", "Most u Čačku");
		store("b", "Sajam u Zadru");
		assertThat(this.items.findAll(List.of("a", "b", "gone"))).containsOnlyKeys("a", "b");
		assertThat(this.items.findAll(List.of("a", "b"))).containsOnlyKeys("a", "b");
		assertThat(this.reads).containsExactly(List.of("a", "b", "gone"));

		store("a", "Novi most u Čačku");
		this.items.drop("a");
		assertThat(this.items.findAll(List.of("a", "b")).get("a").caption()).isEqualTo("Novi most u Čačku");
		assertThat(this.reads).last().isEqualTo(List.of("a"));
	}

	@Test
	void aReadThatOverlappedADropIsNotKept() {
		store("a", "old caption");
		// the write lands and its event drops the item while MongoDB is still answering the old one
		this.duringRead.set(() -> this.items.drop("a"));
		assertThat(this.items.findAll(List.of("a")).get("a").caption()).isEqualTo("old caption");
		this.duringRead.set(null);
		store("a", "new caption");
		assertThat(this.items.findAll(List.of("a")).get("a").caption()).isEqualTo("new caption");
		assertThat(this.reads).hasSize(2);
	}

	private Map<String, MediaItem> read(List<String> ids) {
		this.reads.add(List.copyOf(ids));
		Map<String, MediaItem> found = new LinkedHashMap<>();
		ids.stream().filter(this.stored::containsKey).forEach(id -> found.put(id, this.stored.get(id)));
		Runnable during = this.duringRead.get();
		if (during != null) {
			during.run();
		}
		return found;
	}

	private void store(String id, String caption) {
		Instant now = Instant.parse("2026-12-05T00:00:00Z");
		this.stored.put(id, new MediaItem(id, 1, "hash-" + id, "image/jpeg", 400, 300, 1000, 1, null, caption, null,
				null, null, 0.5, 0.5, List.of(), "editor", now, now, null, null, null, 0));
	}

}
