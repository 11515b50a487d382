package news.platform.media.library;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index on its own: pages newest first over many items, filters, the checkpoint it commits
 * with its files, a rebuild that keeps writes made meanwhile, and an index of another schema
 * emptied at open (then rebuilt from MongoDB by the service).
 */
class LibraryIndexTest {

	static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

	@TempDir
	Path folder;

	@Test
	void pagesRunNewestFirstOverManyItems() throws IOException {
		try (LibraryIndex index = open()) {
			for (int i = 0; i < 250; i++) {
				index.upsert(document(i, i % 2 == 0 ? "jpeg" : "png", "slika broj " + i, i % 3 == 0 ? 1 : 0));
			}
			List<String> seen = new ArrayList<>();
			LibraryCursor cursor = null;
			int pages = 0;
			do {
				LibraryIndex.Page page = index.search(query(null, null, null, cursor, 100));
				seen.addAll(page.ids());
				cursor = page.next();
				pages++;
			}
			while (cursor != null);
			assertThat(pages).isEqualTo(3);
			assertThat(seen).hasSize(250).doesNotHaveDuplicates();
			assertThat(seen.get(0)).isEqualTo(id(249));
			assertThat(seen.get(249)).isEqualTo(id(0));

			assertThat(index.search(query("slika", "png", null, null, 1000)).ids()).hasSize(125).allMatch(id -> odd(id));
			assertThat(index.search(query(null, null, Boolean.FALSE, null, 1000)).ids()).hasSize(84);
			assertThat(index.search(query("broj 777", null, null, null, 10)).ids()).isEmpty();
			assertThat(index.search(query("slike", "jpeg", Boolean.TRUE, null, 3)).ids()).containsExactly(id(248),
					id(244), id(242));
		}
	}

	@Test
	void filtersByUploaderTagAndTime() throws IOException {
		try (LibraryIndex index = open()) {
			index.upsert(new LibraryDocument(id(1), T0, "ana", "jpeg", List.of("Čačak", "most"), List.of("Most"), 0));
			index.upsert(new LibraryDocument(id(2), T0.plusSeconds(60), "ivo", "jpeg", List.of("Zagreb"), List.of("Trg"), 0));
			assertThat(index.search(new LibraryQuery(null, "ana", null, null, null, null, null, null, 10)).ids())
				.containsExactly(id(1));
			assertThat(index.search(new LibraryQuery(null, null, "čačak", null, null, null, null, null, 10)).ids())
				.containsExactly(id(1));
			assertThat(index.search(new LibraryQuery(null, null, null, T0.plusSeconds(1), null, null, null, null, 10)).ids())
				.containsExactly(id(2));
			assertThat(index.search(new LibraryQuery(null, null, null, null, T0.plusSeconds(60), null, null, null, 10)).ids())
				.containsExactly(id(1));
			index.delete(id(1));
			assertThat(index.search(new LibraryQuery(null, null, null, null, null, null, null, null, 10)).ids())
				.containsExactly(id(2));
		}
	}

	@Test
	void theFeedPositionIsCommittedWithTheFiles() throws IOException {
		try (LibraryIndex index = open()) {
			assertThat(index.feedPosition()).isEqualTo(-1);
			index.upsert(document(1, "jpeg", "most", 0));
			index.feedApplied(42);
		}
		try (LibraryIndex index = open()) {
			assertThat(index.feedPosition()).isEqualTo(42);
			assertThat(index.count()).isEqualTo(1);
		}
	}

	@Test
	void anIndexOfAnotherSchemaIsEmptiedAtOpen() throws IOException {
		try (LibraryIndex index = open()) {
			index.upsert(document(1, "jpeg", "most", 0));
			index.feedApplied(7);
		}
		// what an older version of the service left behind
		try (Directory directory = FSDirectory.open(this.folder.resolve("index"));
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
					.setIndexSort(LibraryIndex.NEWEST_FIRST)
					.setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
			writer.setLiveCommitData(Map.of("schema", "0", "feedSeq", "7").entrySet());
			writer.commit();
		}
		try (LibraryIndex index = open()) {
			assertThat(index.count()).isZero();
			assertThat(index.feedPosition()).as("no position: the service rebuilds and starts at the head")
				.isEqualTo(-1);
		}
	}

	@Test
	void aRebuildKeepsWritesMadeWhileItRuns() throws IOException {
		try (LibraryIndex index = open()) {
			index.upsert(document(1, "jpeg", "stari sadržaj", 0));
			long count = index.rebuild(sink -> {
				sink.accept(document(2, "jpeg", "iz baze", 0));
				// the feed applies writes while the rebuild reads MongoDB
				index.upsert(document(3, "png", "novo za vrijeme", 0));
				index.delete(id(2));
				sink.accept(document(4, "jpeg", "iz baze", 0));
			});
			assertThat(count).isEqualTo(2);
			assertThat(index.search(query(null, null, null, null, 10)).ids()).containsExactly(id(4), id(3));
		}
	}

	private LibraryIndex open() {
		return new LibraryIndex(this.folder.resolve("index"), Duration.ofMinutes(5), false);
	}

	private static LibraryQuery query(String text, String type, Boolean unused, LibraryCursor cursor, int limit) {
		return new LibraryQuery(text, null, null, null, null, type, unused, cursor, limit);
	}

	private static LibraryDocument document(int n, String type, String caption, int usage) {
		return new LibraryDocument(id(n), T0.plusSeconds(n), "editor-1", type, List.of(), List.of(caption), usage);
	}

	private static String id(int n) {
		return String.format("%024x", n);
	}

	private static boolean odd(String id) {
		return Integer.parseInt(id, 16) % 2 == 1;
	}

}
