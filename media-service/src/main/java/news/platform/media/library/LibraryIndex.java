package news.platform.media.library;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.textanalysis.CroatianAnalyzer;

/**
 * The photo library as a Lucene index in a local folder, one per replica (ADR 5's read model):
 * filters and text search over every item, newest first, keyset pages. Writes are visible to the
 * next request at once (the searcher is refreshed before a write returns, or at the end of a feed
 * batch) and reach the disk at the next periodic commit, together with the feed position they
 * hold; what a crash loses in between is re-read from the feed. An index written by another
 * schema is emptied at open and rebuilt from MongoDB.
 */
final class LibraryIndex implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(LibraryIndex.class);

	static final String ID = "id";

	static final String CREATED_AT = "createdAt";

	static final String TEXT = "text";

	static final String UPLOADER = "uploader";

	static final String TAG = "tag";

	static final String TYPE = "type";

	static final String UNUSED = "unused";

	/**
	 * Written into every commit; an index whose files carry another (or none) is emptied at open
	 * and rebuilt. Bump when what a document holds or how text is analysed changes.
	 */
	static final String SCHEMA = "1";

	private static final String SCHEMA_KEY = "schema";

	private static final String FEED_SEQ = "feedSeq";

	static final int MAX_QUERY_TERMS = 16;

	/** Newest first; the id breaks ties (two uploads in one millisecond). */
	static final Sort NEWEST_FIRST = new Sort(new SortField(CREATED_AT, SortField.Type.LONG, true),
			new SortField(ID, SortField.Type.STRING, true));

	// matching only: pages are ordered by time, so neither frequencies nor norms are kept
	private static final FieldType TEXT_TYPE = textType();

	private final Path path;

	private final boolean temporary;

	private final CroatianAnalyzer analyzer = new CroatianAnalyzer();

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ScheduledExecutorService committer;

	// writes share the read side; a rebuild's swap takes the write side
	private final ReadWriteLock swap = new ReentrantReadWriteLock();

	private final Object rebuildLock = new Object();

	// writes that arrive while a rebuild reads MongoDB, replayed over the rebuilt content
	private volatile Map<String, Optional<LibraryDocument>> writesDuringRebuild;

	private final ThreadLocal<Boolean> refreshDeferred = new ThreadLocal<>();

	private volatile long feedSeq;

	private final AtomicLong committedFeedSeq = new AtomicLong(-1);

	LibraryIndex(Path path, Duration commitInterval, boolean temporary) {
		this.path = path;
		this.temporary = temporary;
		try {
			Files.createDirectories(path);
			this.directory = FSDirectory.open(path);
			boolean current = ofThisSchema(this.directory);
			if (!current) {
				log.info("The photo library index at {} was written by another version: emptied, to be rebuilt from MongoDB",
						path);
			}
			this.writer = new IndexWriter(this.directory, writerConfig(this.analyzer)
				.setOpenMode(current ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE));
			this.feedSeq = current ? committedFeedSeq(this.writer) : -1;
			if (!current) {
				commitWithPosition();
			}
			this.searchers = new SearcherManager(this.writer, true, true, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the photo library index at " + path, ex);
		}
		this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "library-index-commit");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(100, commitInterval.toMillis());
		this.committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** One page: item ids in order, and where the next page starts (null on the last). */
	record Page(List<String> ids, LibraryCursor next) {
	}

	void upsert(LibraryDocument document) {
		Map<String, Optional<LibraryDocument>> pending = this.writesDuringRebuild;
		if (pending != null) {
			pending.put(document.id(), Optional.of(document));
		}
		write(() -> this.writer.updateDocument(new Term(ID, document.id()), toDocument(document)));
	}

	void delete(String id) {
		Map<String, Optional<LibraryDocument>> pending = this.writesDuringRebuild;
		if (pending != null) {
			pending.put(id, Optional.empty());
		}
		write(() -> this.writer.deleteDocuments(new Term(ID, id)));
	}

	Page search(LibraryQuery query) {
		Query lucene = query(query);
		if (lucene == null) {
			return new Page(List.of(), null);
		}
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				FieldDoc after = query.cursor() == null ? null : after(query.cursor(), searcher);
				int wanted = query.limit() + 1;
				// the page and one more to know whether there is a next: with segments sorted
				// newest first, each segment stops after that many matches
				TopFieldDocs top = searcher.search(lucene, new TopFieldCollectorManager(NEWEST_FIRST, wanted, after, wanted));
				int count = Math.min(query.limit(), top.scoreDocs.length);
				List<String> ids = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					ids.add(((BytesRef) ((FieldDoc) top.scoreDocs[i]).fields[1]).utf8ToString());
				}
				LibraryCursor next = null;
				if (top.scoreDocs.length > query.limit()) {
					FieldDoc last = (FieldDoc) top.scoreDocs[query.limit() - 1];
					next = new LibraryCursor((Long) last.fields[0], ((BytesRef) last.fields[1]).utf8ToString());
				}
				return new Page(ids, next);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces the whole content with {@code source}'s documents, built aside so that a failure
	 * half-way leaves the live index as it was; writes that arrive meanwhile are replayed over it.
	 */
	long rebuild(Consumer<Consumer<LibraryDocument>> source) {
		synchronized (this.rebuildLock) {
			Path staging = this.path.resolveSibling(this.path.getFileName() + ".rebuild");
			this.writesDuringRebuild = new ConcurrentHashMap<>();
			try {
				deleteRecursively(staging);
				AtomicLong count = new AtomicLong();
				try (Directory stagingDirectory = FSDirectory.open(staging);
						IndexWriter stagingWriter = new IndexWriter(stagingDirectory, writerConfig(this.analyzer))) {
					source.accept(document -> {
						try {
							stagingWriter.addDocument(toDocument(document));
							count.incrementAndGet();
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
					stagingWriter.commit();
				}
				swapIn(staging);
				return count.get();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("photo library index rebuild failed", ex);
			}
			finally {
				this.writesDuringRebuild = null;
				try {
					deleteRecursively(staging);
				}
				catch (IOException ex) {
					log.warn("could not remove the rebuild staging folder {}", staging, ex);
				}
			}
		}
	}

	long count() {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last feed event whose effect this index holds, or -1 when it never followed the feed. */
	long feedPosition() {
		return this.feedSeq;
	}

	void feedApplied(long seq) {
		this.feedSeq = Math.max(this.feedSeq, seq);
	}

	/** Runs {@code writes} without a refresh per write; the feed refreshes once per batch. */
	void deferringRefresh(Runnable writes) {
		this.refreshDeferred.set(Boolean.TRUE);
		try {
			writes.run();
		}
		finally {
			this.refreshDeferred.remove();
		}
	}

	void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("photo library index refresh failed", ex);
		}
	}

	void commit() {
		try {
			commitWithPosition();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.committer.shutdownNow();
		try {
			this.searchers.close();
			commitWithPosition();
		}
		finally {
			this.writer.close();
			this.directory.close();
			if (this.temporary) {
				deleteRecursively(this.path.getParent());
			}
		}
	}

	/**
	 * Every word of {@code text} required, as term queries of the analysed words (no query syntax
	 * reaches Lucene); the filters as exact terms and ranges; null when the text has no word left
	 * after analysis (only stop words): nothing can match.
	 */
	private Query query(LibraryQuery query) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		boolean any = false;
		if (query.text() != null && !query.text().isBlank()) {
			List<String> terms = this.analyzer.terms(TEXT, query.text(), MAX_QUERY_TERMS);
			if (terms.isEmpty()) {
				return null;
			}
			for (String term : terms) {
				builder.add(new TermQuery(new Term(TEXT, term)), Occur.FILTER);
			}
			any = true;
		}
		any |= keyword(builder, UPLOADER, query.uploader());
		any |= keyword(builder, TAG, query.tag() == null ? null : CroatianAnalyzer.fold(query.tag()));
		any |= keyword(builder, TYPE, query.type());
		any |= keyword(builder, UNUSED, query.unused() == null ? null : query.unused().toString());
		long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
		long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1;
		if (query.cursor() != null) {
			// nothing newer than the cursor can be on this page: on segments sorted newest first the
			// range is found by binary search, so a deep page skips the newer items
			to = Math.min(to, query.cursor().createdAt());
		}
		if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
			builder.add(new IndexSortSortedNumericDocValuesRangeQuery(CREATED_AT, from, to,
					LongPoint.newRangeQuery(CREATED_AT, from, to)), Occur.FILTER);
			any = true;
		}
		return any ? builder.build() : new MatchAllDocsQuery();
	}

	private static boolean keyword(BooleanQuery.Builder builder, String field, String value) {
		if (value == null) {
			return false;
		}
		builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		return true;
	}

	// The cursor's own document sorts equal on every field; a doc id past every real one makes
	// Lucene treat it as already returned, so the next page starts strictly after it.
	private static FieldDoc after(LibraryCursor cursor, IndexSearcher searcher) {
		int doc = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
		return new FieldDoc(doc, Float.NaN, new Object[] { cursor.createdAt(), new BytesRef(cursor.id()) });
	}

	private static Document toDocument(LibraryDocument source) {
		Document doc = new Document();
		doc.add(new StringField(ID, source.id(), Field.Store.NO));
		doc.add(new SortedDocValuesField(ID, new BytesRef(source.id())));
		long createdAt = source.createdAt().toEpochMilli();
		// points + doc values under one name let Lucene skip what cannot reach the page
		doc.add(new LongPoint(CREATED_AT, createdAt));
		doc.add(new NumericDocValuesField(CREATED_AT, createdAt));
		for (String text : source.text()) {
			doc.add(new Field(TEXT, text, TEXT_TYPE));
		}
		if (source.uploadedBy() != null) {
			doc.add(new StringField(UPLOADER, source.uploadedBy(), Field.Store.NO));
		}
		for (String tag : source.tags()) {
			doc.add(new StringField(TAG, CroatianAnalyzer.fold(tag), Field.Store.NO));
		}
		if (source.type() != null) {
			doc.add(new StringField(TYPE, source.type(), Field.Store.NO));
		}
		doc.add(new StringField(UNUSED, Boolean.toString(source.usageCount() == 0), Field.Store.NO));
		return doc;
	}

	private void swapIn(Path staging) throws IOException {
		this.swap.writeLock().lock();
		try (Directory stagingDirectory = FSDirectory.open(staging)) {
			this.writer.deleteAll();
			this.writer.addIndexes(stagingDirectory);
			Map<String, Optional<LibraryDocument>> pending = this.writesDuringRebuild;
			this.writesDuringRebuild = null;
			for (Map.Entry<String, Optional<LibraryDocument>> write : pending.entrySet()) {
				Term id = new Term(ID, write.getKey());
				if (write.getValue().isPresent()) {
					this.writer.updateDocument(id, toDocument(write.getValue().get()));
				}
				else {
					this.writer.deleteDocuments(id);
				}
			}
			commitWithPosition();
			this.searchers.maybeRefreshBlocking();
		}
		finally {
			this.swap.writeLock().unlock();
		}
	}

	private void write(IndexWrite write) {
		this.swap.readLock().lock();
		try {
			write.run();
			if (this.refreshDeferred.get() == null) {
				this.searchers.maybeRefreshBlocking();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("photo library index write failed", ex);
		}
		finally {
			this.swap.readLock().unlock();
		}
	}

	private void commitWithPosition() throws IOException {
		long seq = this.feedSeq;
		this.writer.setLiveCommitData(Map.of(FEED_SEQ, Long.toString(seq), SCHEMA_KEY, SCHEMA).entrySet());
		this.writer.commit();
		this.committedFeedSeq.set(seq);
	}

	private void commitQuietly() {
		try {
			if (this.writer.hasUncommittedChanges() || this.feedSeq != this.committedFeedSeq.get()) {
				commitWithPosition();
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("photo library index commit failed; retrying at the next interval", ex);
		}
	}

	private static long committedFeedSeq(IndexWriter writer) {
		Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
		if (data != null) {
			for (Map.Entry<String, String> entry : data) {
				if (FEED_SEQ.equals(entry.getKey())) {
					return Long.parseLong(entry.getValue());
				}
			}
		}
		return -1;
	}

	/** No index yet, or the last commit was made by this schema. */
	private static boolean ofThisSchema(Directory directory) throws IOException {
		return !DirectoryReader.indexExists(directory)
				|| SCHEMA.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY));
	}

	private static IndexWriterConfig writerConfig(CroatianAnalyzer analyzer) {
		// segments sorted newest first: a page stops after its last item in each segment
		return new IndexWriterConfig(analyzer).setIndexSort(NEWEST_FIRST).setRAMBufferSizeMB(32);
	}

	private static FieldType textType() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setIndexOptions(IndexOptions.DOCS);
		type.setOmitNorms(true);
		type.freeze();
		return type;
	}

	static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@FunctionalInterface
	private interface IndexWrite {

		void run() throws IOException;

	}

}
