package news.platform.article.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.article.tag.TagDirectory;
import news.platform.textanalysis.CroatianAnalyzer;

/**
 * {@link ArticleIndex} as a Lucene index in a local directory. Writes are visible to the next
 * request at once (the searcher is refreshed before a write returns) and reach the disk at the
 * next periodic commit; what a crash loses in between is rebuilt or re-fed from MongoDB.
 */
final class LuceneArticleIndex implements ArticleIndex, Closeable {

	private static final Logger log = LoggerFactory.getLogger(LuceneArticleIndex.class);

	static final String ID = "id";

	static final String HEADLINE = "headline";

	static final String STANDFIRST = "standfirst";

	static final String BODY = "body";

	static final String PUBLISHED_AT = "publishedAt";

	static final String VISIBLE_FROM = "visibleFrom";

	// the body for snippets: a binary doc value, compressed per article (Snippets.bodyValue)
	static final String BODY_TEXT = "bodyText";

	// Keyword fields for filters hold folded values; the list item keeps what readers see.
	private static final String KEY_SECTION = "section";

	private static final String KEY_TAG = "tag";

	private static final String KEY_AUTHOR = "author";

	private static final String KEY_LANGUAGE = "language";

	// staff work lists: who owns it, where it is in the workflow, when it changed or goes out
	static final String KEY_STATUS = "status";

	static final String KEY_OWNER = "owner";

	static final String KEY_RETURNED = "returned";

	// the agency list an article is on (pending-update, withdrawn): agency.AgencyLists
	static final String KEY_AGENCY = "agency";

	static final String UPDATED_AT = "updatedAt";

	static final String SCHEDULED_AT = "scheduledAt";

	/** The statuses counted for dashboards, in workflow order. */
	static final List<String> STATUSES = List.of("DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED");

	// Matching and ranking: the three text fields as one, each term counted with its field's weight
	// (BM25F). One posting list per query word, so block-max WAND skips documents that cannot
	// reach the page; a per-field disjunction (dis_max over headline, standfirst, body) bounds
	// every block by the rare headline hit and scores every match (4x the time at 100,000 articles).
	static final String RANKED = "ranked";

	private static final int HEADLINE_WEIGHT = 3;

	private static final int STANDFIRST_WEIGHT = 2;

	private static final int BODY_WEIGHT = 1;

	// Written into every commit; an index whose files carry another (or none) is emptied at open,
	// and the service rebuilds it from MongoDB. Bump when what a document holds changes.
	// 3: every article that is not deleted (unpublished ones never visible to readers), with status,
	// owner, returned, updatedAt and scheduledAt for staff lists; list items of codec version 2
	// 4: the platform's shared Croatian analysis (news.platform.textanalysis, with the fleeting-a
	// rule: Čačak and Čačku one stem), so terms indexed by 3 no longer match queries
	// 5: each article analysed in its own language (LanguageAnalysis: ranked, ranked_en,
	// ranked_std), the language's primary subtag indexed for the language filter
	// 6: tag keys are tag ids (free text of older articles: "name:" + its slug form), authors by profile id
	// 7: the agency lists an article is on (agency=pending-update|withdrawn)
	static final String SCHEMA = "7";

	private static final String SCHEMA_KEY = "schema";

	private static final int MAX_QUERY_TERMS = 32;

	private static final int MAX_RELATED_TERMS = 25;

	/** Up to this many articles, related stories consider every word, however common. */
	private static final int RELATED_EVERY_WORD_UP_TO = 1_000;

	/** A body longer than this (about 300 words) counts only words it uses at least twice. */
	private static final int RELATED_LONG_BODY = 2_000;

	private static final float SECTION_BOOST = 2f;

	private static final float TAG_BOOST = 1.5f;

	// a merged tag's group in related stories: more keys than this (slugs of many merges) are left out
	private static final int MAX_SHARED_TAG_KEYS = 64;

	/**
	 * The index keys one stored tag reference shares with others in related stories: those of the
	 * tag it leads to now and of every tag merged into that ({@link TagDirectory#filterKeys}), so a
	 * merged tag counts as the tag it was merged into. Set by the configuration; until then the
	 * stored key alone.
	 */
	private volatile java.util.function.Function<String, Set<String>> sharedTagKeys = reference -> Set
		.of(TagDirectory.indexKey(reference));

	// everything a list item shows, packed by ListItemCodec
	private static final String ITEM = "item";

	// commit user data: the last feed seq whose effect the committed files hold
	private static final String FEED_SEQ = "feedSeq";

	private static final Sort LIST_SORT = new Sort(new SortField(PUBLISHED_AT, SortField.Type.LONG, true),
			new SortField(ID, SortField.Type.STRING, true));

	private static final Sort SEARCH_SORT = new Sort(SortField.FIELD_SCORE,
			new SortField(PUBLISHED_AT, SortField.Type.LONG, true), new SortField(ID, SortField.Type.STRING, true));

	private static final Sort UPDATED_SORT = new Sort(new SortField(UPDATED_AT, SortField.Type.LONG, true),
			new SortField(ID, SortField.Type.STRING, true));

	// the next to go out first; an article without a scheduled time sorts last
	private static final Sort SCHEDULED_SORT = new Sort(scheduledField(), new SortField(ID, SortField.Type.STRING, false));

	// an unpublished article in the publication-ordered segments: after every published one
	private static final long NEVER = Long.MIN_VALUE;

	// Offsets in the postings let the snippets find the words without analysing the text again.
	// Nothing is a stored field: a list item holds headline and standfirst, BODY_TEXT the body.
	private static final FieldType TEXT = textType();

	private static final FieldType RANKED_TYPE = rankedType();

	private final Path path;

	private final LanguageAnalysis languages;

	// the writer's own analyzer is never used: every text field brings its language's tokens
	private final Analyzer analyzer;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Clock clock;

	private final ScheduledExecutorService committer;

	// Writes share the read side; a rebuild's swap takes the write side, so no reader ever sees
	// the index between the old content's removal and the new content's arrival.
	private final ReadWriteLock swap = new ReentrantReadWriteLock();

	private final Object rebuildLock = new Object();

	// Writes that arrive while a rebuild reads the source; replayed over the rebuilt content.
	private volatile Map<String, Optional<SearchDocument>> writesDuringRebuild;

	private final boolean temporary;

	// set while the feed applies a batch: its writes become visible together at the batch's end
	private final ThreadLocal<Boolean> refreshDeferred = new ThreadLocal<>();

	// The last feed event applied; committed with the index content it describes, so after a
	// crash the index resumes the feed exactly where its files stand.
	private volatile long feedSeq;

	LuceneArticleIndex(Path path, Clock clock, Duration commitInterval, boolean temporary) {
		this(path, clock, commitInterval, temporary, LanguageAnalysis.perLanguage());
	}

	LuceneArticleIndex(Path path, Clock clock, Duration commitInterval, boolean temporary,
			LanguageAnalysis languages) {
		this.languages = languages;
		this.analyzer = languages.analyzer(LanguageAnalysis.CROATIAN);
		this.path = path;
		this.temporary = temporary;
		this.clock = clock;
		try {
			Files.createDirectories(path);
			this.directory = FSDirectory.open(path);
			boolean current = ofThisSchema(this.directory, schema());
			if (!current) {
				log.info("The search index at {} was written by another version: emptied, to be rebuilt from MongoDB",
						path);
			}
			// CREATE discards the old files' documents and settings (an older index sort, say)
			this.writer = new IndexWriter(this.directory, writerConfig(this.analyzer)
				.setOpenMode(current ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE));
			this.feedSeq = current ? committedFeedSeq(this.writer) : -1;
			if (!current) {
				commitWithPosition();
			}
			this.searchers = new SearcherManager(this.writer, true, true, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the search index at " + path, ex);
		}
		this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "search-index-commit");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(100, commitInterval.toMillis());
		this.committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void upsert(SearchDocument document) {
		Map<String, Optional<SearchDocument>> pending = this.writesDuringRebuild;
		if (pending != null) {
			pending.put(document.id(), Optional.of(document));
		}
		write(() -> this.writer.updateDocument(new Term(ID, document.id()), toDocument(document)));
	}

	@Override
	public void delete(String articleId) {
		Map<String, Optional<SearchDocument>> pending = this.writesDuringRebuild;
		if (pending != null) {
			pending.put(articleId, Optional.empty());
		}
		write(() -> this.writer.deleteDocuments(new Term(ID, articleId)));
	}

	@Override
	public Page list(ListQuery query) {
		Query filters = filters(query.filters(), null, query.viewer());
		if (query.order() == Order.UPDATED) {
			return page(filters, UPDATED_SORT, query.limit(), query.cursor(), PageCursor.Kind.UPDATED, null);
		}
		if (query.order() == Order.SCHEDULED) {
			return page(filters, SCHEDULED_SORT, query.limit(), query.cursor(), PageCursor.Kind.SCHEDULED, null);
		}
		if (query.cursor() != null) {
			// Nothing newer than the cursor can be on this page. On segments sorted by publishedAt
			// this range is found by binary search, so a deep page skips the newer articles
			// instead of stepping over them.
			filters = new BooleanQuery.Builder().add(filters, Occur.MUST)
				.add(publishedBetween(Long.MIN_VALUE, query.cursor().publishedAt()), Occur.FILTER)
				.build();
		}
		return page(filters, LIST_SORT, query.limit(), query.cursor(), PageCursor.Kind.LIST, null);
	}

	/**
	 * Every language unless the language filter narrows it: the query is analysed once per analysis
	 * in use and each analysis matches its own field, so an English article is found by English
	 * stems and a Croatian one by Croatian stems. An article has terms in one field only, so the
	 * branches never match the same article; a branch whose words its field lacks costs a
	 * dictionary lookup.
	 */
	@Override
	public Page search(SearchQuery query) {
		String language = query.filters() == null ? null : query.filters().language();
		List<String> keys = language == null ? this.languages.keys() : List.of(this.languages.key(language));
		// each hit's snippets look for its own analysis's terms only (fewer term lookups per hit)
		Map<String, List<BytesRef>> highlighted = new HashMap<>();
		List<Query> branches = new ArrayList<>(keys.size());
		for (String key : keys) {
			List<BytesRef> terms = this.languages.terms(key, query.text(), MAX_QUERY_TERMS);
			if (!terms.isEmpty()) {
				highlighted.put(key, terms);
				branches.add(textQuery(LanguageAnalysis.rankedField(key), terms));
			}
		}
		Filters filters = query.filters();
		if (language != null && this.languages.fieldIsLanguage(keys.get(0))) {
			// the field holds only this language's articles: the keyword filter would add nothing
			filters = filters.withLanguage(null);
		}
		if (branches.isEmpty()) {
			return new Page(List.of(), null);
		}
		Query text = branches.get(0);
		if (branches.size() > 1) {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			branches.forEach(branch -> any.add(branch, Occur.SHOULD));
			text = any.build();
		}
		return page(filters(filters, text, query.viewer()), SEARCH_SORT, query.limit(), query.cursor(),
				PageCursor.Kind.SEARCH, highlighted);
	}

	@Override
	public List<Hit> byIds(List<String> ids, Filters filters, Viewer viewer) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<BytesRef> keys = ids.stream().distinct().map(BytesRef::new).toList();
		Query query = filters(filters, new TermInSetQuery(ID, keys), viewer);
		return withSearcher(searcher -> {
			TopDocs top = searcher.search(query, keys.size());
			Map<String, Hit> found = new HashMap<>();
			for (var scoreDoc : top.scoreDocs) {
				Hit hit = hit(searcher, scoreDoc.doc);
				found.put(hit.id(), hit);
			}
			List<Hit> ordered = new ArrayList<>(found.size());
			for (String id : ids) {
				Hit hit = found.remove(id);
				if (hit != null) {
					ordered.add(hit);
				}
			}
			return ordered;
		});
	}

	@Override
	public List<Hit> related(SearchDocument article, int limit) {
		return withSearcher(searcher -> {
			// the article's own analysis and field: its language's terms and statistics
			String key = this.languages.key(article.language());
			String ranked = LanguageAnalysis.rankedField(key);
			MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
			like.setAnalyzer(this.languages.analyzer(key));
			like.setFieldNames(new String[] { ranked });
			// One article is the whole "document". In a short one every word may count; in a long one a
			// word must come twice (Lucene's default): headline words count three times and standfirst
			// words twice, so they always do. The profile of related stories at 100,000 articles put
			// half their time in looking up, in every segment, how many articles use each distinct
			// word of the article, and a word used once in a long body says little about likeness.
			// The index is often small (a new site): the idf weighting keeps common words from dominating.
			boolean longText = article.bodyText() != null && article.bodyText().length() > RELATED_LONG_BODY;
			like.setMinTermFreq(longText ? 2 : 1);
			like.setMinDocFreq(1);
			// a word in more than a tenth of a large index says little about likeness and makes every
			// such article a candidate to score (the profile: 76 % of a related query's time in scoring
			// candidates); a small index keeps every word
			int documents = searcher.getIndexReader().numDocs();
			if (documents > RELATED_EVERY_WORD_UP_TO) {
				like.setMaxDocFreq(documents / 10);
			}
			like.setMaxQueryTerms(MAX_RELATED_TERMS);
			like.setBoost(true);
			// weighted as the ranked field is: headline ×3, standfirst ×2, body ×1
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < HEADLINE_WEIGHT; i++) {
				text.append(article.headline()).append('\n');
			}
			if (article.standfirst() != null) {
				for (int i = 0; i < STANDFIRST_WEIGHT; i++) {
					text.append(article.standfirst()).append('\n');
				}
			}
			if (article.bodyText() != null) {
				text.append(article.bodyText());
			}
			BooleanQuery.Builder query = new BooleanQuery.Builder()
				.add(like.like(ranked, new java.io.StringReader(text.toString())), Occur.MUST)
				.add(new TermQuery(new Term(ID, article.id())), Occur.MUST_NOT)
				.add(visibility(Viewer.READER), Occur.FILTER);
			String primary = LanguageAnalysis.primary(article.language());
			if (primary != null && LanguageAnalysis.STANDARD.equals(key)) {
				// languages without an analysis of their own share a field: stay in this one
				query.add(new TermQuery(new Term(KEY_LANGUAGE, primary)), Occur.FILTER);
			}
			if (article.section() != null) {
				query.add(new BoostQuery(new TermQuery(new Term(KEY_SECTION, CroatianAnalyzer.fold(article.section()))),
						SECTION_BOOST), Occur.SHOULD);
			}
			// one clause per tag the article's tags lead to now, matching any key of its merge group
			// once (the best of them), so two references to one tag after a merge count once
			Set<Set<String>> sharedTags = new LinkedHashSet<>();
			for (String tag : article.tags()) {
				sharedTags.add(this.sharedTagKeys.apply(tag));
			}
			for (Set<String> keys : sharedTags) {
				List<Query> any = keys.stream()
					.limit(MAX_SHARED_TAG_KEYS)
					.map(tagKey -> (Query) new TermQuery(new Term(KEY_TAG, tagKey)))
					.toList();
				query.add(new BoostQuery(any.size() == 1 ? any.get(0) : new DisjunctionMaxQuery(any, 0f), TAG_BOOST),
						Occur.SHOULD);
			}
			TopDocs top = searcher.search(query.build(), limit);
			List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
			for (ScoreDoc doc : top.scoreDocs) {
				hits.add(hit(searcher, doc.doc));
			}
			return hits;
		});
	}

	/** Where related stories learn which tags count as one ({@link #sharedTagKeys}). */
	void sharedTagKeys(java.util.function.Function<String, Set<String>> keys) {
		this.sharedTagKeys = keys;
	}

	@Override
	public Map<String, Long> counts(Viewer viewer, String owner) {
		Query visible = visibility(viewer);
		return withSearcher(searcher -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String status : STATUSES) {
				counts.put(status, (long) searcher.count(counting(new TermQuery(new Term(KEY_STATUS, status)),
						visible, owner)));
			}
			counts.put("returned", (long) searcher
				.count(counting(new TermQuery(new Term(KEY_RETURNED, "true")), visible, owner)));
			return counts;
		});
	}

	/**
	 * Whether readers can see (published, past the embargo) an article carrying any of these
	 * values in {@code field}: public tag and author pages exist only then.
	 */
	boolean visibleWith(boolean tag, java.util.Set<String> keys) {
		if (keys.isEmpty()) {
			return false;
		}
		Query query = new BooleanQuery.Builder()
			.add(new TermInSetQuery(tag ? KEY_TAG : KEY_AUTHOR, keys.stream().map(BytesRef::new).toList()),
					Occur.FILTER)
			.add(visibility(Viewer.READER), Occur.FILTER)
			.build();
		return withSearcher(searcher -> searcher.count(query) > 0);
	}

	@Override
	public List<String> idsInSection(String path) {
		String key = CroatianAnalyzer.fold(path);
		Query query = new BooleanQuery.Builder().add(new TermQuery(new Term(KEY_SECTION, key)), Occur.SHOULD)
			.add(new PrefixQuery(new Term(KEY_SECTION, key + "/")), Occur.SHOULD)
			.build();
		return withSearcher(searcher -> {
			List<String> ids = new ArrayList<>();
			searcher.search(query, new SimpleCollector() {

				private SortedDocValues values;

				@Override
				protected void doSetNextReader(LeafReaderContext context) throws IOException {
					this.values = context.reader().getSortedDocValues(ID);
				}

				@Override
				public void collect(int doc) throws IOException {
					if (this.values != null && this.values.advanceExact(doc)) {
						ids.add(this.values.lookupOrd(this.values.ordValue()).utf8ToString());
					}
				}

				@Override
				public ScoreMode scoreMode() {
					return ScoreMode.COMPLETE_NO_SCORES;
				}

			});
			return ids;
		});
	}

	@Override
	public long rebuild(Stream<SearchDocument> documents) {
		synchronized (this.rebuildLock) {
			Path staging = this.path.resolveSibling(this.path.getFileName() + ".rebuild");
			this.writesDuringRebuild = new ConcurrentHashMap<>();
			try {
				deleteRecursively(staging);
				long count;
				// Built aside so that a failure half-way leaves the live index as it was.
				try (Directory stagingDirectory = FSDirectory.open(staging);
						IndexWriter stagingWriter = new IndexWriter(stagingDirectory, writerConfig(this.analyzer))) {
					count = indexAll(documents.iterator(), stagingWriter);
					stagingWriter.commit();
				}
				swapIn(staging);
				return count;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("search index rebuild failed", ex);
			}
			finally {
				this.writesDuringRebuild = null;
				try {
					deleteRecursively(staging);
				}
				catch (IOException ex) {
					log.warn("could not remove the rebuild staging directory {}", staging, ex);
				}
			}
		}
	}

	@Override
	public long count() {
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

	@Override
	public long version() {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return ((DirectoryReader) searcher.getIndexReader()).getVersion();
			}
			finally {
				this.searchers.release(searcher);
			}
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

	/** The last feed event whose effect this index holds, or -1 when it never followed the feed. */
	long feedPosition() {
		return this.feedSeq;
	}

	void feedApplied(long seq) {
		this.feedSeq = Math.max(this.feedSeq, seq);
	}

	void commit() {
		try {
			commitWithPosition();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Analyses and adds the documents on every core (IndexWriter takes documents from several
	 * threads; analysis is most of a rebuild). The reading thread works too when the bounded queue
	 * is full, so the source is never read far ahead of the index.
	 */
	private long indexAll(Iterator<SearchDocument> source, IndexWriter target) throws IOException {
		int threads = Runtime.getRuntime().availableProcessors();
		ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(threads * 32), runnable -> {
					Thread thread = new Thread(runnable, "search-index-rebuild-worker");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		AtomicReference<Exception> failure = new AtomicReference<>();
		LongAdder count = new LongAdder();
		try {
			while (failure.get() == null && source.hasNext()) {
				SearchDocument document = source.next();
				workers.execute(() -> {
					try {
						target.updateDocument(new Term(ID, document.id()), toDocument(document));
						count.increment();
					}
					catch (IOException | RuntimeException ex) {
						failure.compareAndSet(null, ex);
					}
				});
			}
		}
		finally {
			workers.shutdown();
			try {
				if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
					failure.compareAndSet(null, new IOException("search index rebuild workers did not finish"));
				}
			}
			catch (InterruptedException ex) {
				workers.shutdownNow();
				Thread.currentThread().interrupt();
				failure.compareAndSet(null, new IOException("search index rebuild interrupted", ex));
			}
		}
		Exception failed = failure.get();
		if (failed instanceof IOException io) {
			throw io;
		}
		if (failed != null) {
			throw (RuntimeException) failed;
		}
		return count.sum();
	}

	private void swapIn(Path staging) throws IOException {
		this.swap.writeLock().lock();
		try (Directory stagingDirectory = FSDirectory.open(staging)) {
			this.writer.deleteAll();
			this.writer.addIndexes(stagingDirectory);
			Map<String, Optional<SearchDocument>> pending = this.writesDuringRebuild;
			this.writesDuringRebuild = null;
			for (Map.Entry<String, Optional<SearchDocument>> write : pending.entrySet()) {
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

	private void commitWithPosition() throws IOException {
		this.writer.setLiveCommitData(Map.of(FEED_SEQ, Long.toString(this.feedSeq), SCHEMA_KEY, schema()).entrySet());
		this.writer.commit();
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
	private static boolean ofThisSchema(Directory directory, String schema) throws IOException {
		return !DirectoryReader.indexExists(directory)
				|| schema.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY));
	}

	private String schema() {
		return SCHEMA + this.languages.schemaSuffix();
	}

	/**
	 * Runs {@code writes} without the refresh each write does, for a batch whose end calls
	 * {@link #refresh()} (the feed: one refresh per poll instead of one per event).
	 */
	void deferringRefresh(Runnable writes) {
		this.refreshDeferred.set(Boolean.TRUE);
		try {
			writes.run();
		}
		finally {
			this.refreshDeferred.remove();
		}
	}

	/** Makes every write so far visible to the next request. */
	void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("search index refresh failed", ex);
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
			throw new UncheckedIOException("search index write failed", ex);
		}
		finally {
			this.swap.readLock().unlock();
		}
	}

	private void commitQuietly() {
		try {
			if (this.writer.hasUncommittedChanges() || this.feedSeq != committedFeedSeq(this.writer)) {
				commitWithPosition();
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("search index commit failed; retrying at the next interval", ex);
		}
	}

	private Page page(Query query, Sort sort, int limit, PageCursor cursor, PageCursor.Kind kind,
			Map<String, List<BytesRef>> highlighted) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				FieldDoc after = cursor == null ? null : after(cursor, searcher);
				TopFieldDocs top = searcher.searchAfter(after, query, limit + 1, sort, false);
				int count = Math.min(limit, top.scoreDocs.length);
				List<Hit> items = new ArrayList<>(count);
				int[] docs = new int[count];
				for (int i = 0; i < count; i++) {
					docs[i] = top.scoreDocs[i].doc;
					items.add(hit(searcher, docs[i]));
				}
				if (highlighted != null && count > 0) {
					items = withSnippets(searcher, docs, items, highlighted);
				}
				PageCursor next = null;
				if (top.scoreDocs.length > limit) {
					next = cursorOf((FieldDoc) top.scoreDocs[limit - 1], kind);
				}
				return new Page(items, next);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// The cursor's own document sorts equal on every field; a doc id past every real one makes
	// Lucene treat it as already returned, so the next page starts strictly after it.
	private static FieldDoc after(PageCursor cursor, IndexSearcher searcher) {
		int doc = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
		BytesRef id = new BytesRef(cursor.id());
		Object[] values = cursor.kind() != PageCursor.Kind.SEARCH ? new Object[] { cursor.publishedAt(), id }
				: new Object[] { cursor.score(), cursor.publishedAt(), id };
		return new FieldDoc(doc, Float.NaN, values);
	}

	private static PageCursor cursorOf(FieldDoc last, PageCursor.Kind kind) {
		Object[] values = last.fields;
		if (kind != PageCursor.Kind.SEARCH) {
			return new PageCursor(kind, 0f, (Long) values[0], ((BytesRef) values[1]).utf8ToString());
		}
		return new PageCursor(kind, (Float) values[0], (Long) values[1], ((BytesRef) values[2]).utf8ToString());
	}

	/** Snippets per analysis: the hits of each language with that analysis's query terms. */
	private List<Hit> withSnippets(IndexSearcher searcher, int[] docs, List<Hit> items,
			Map<String, List<BytesRef>> terms) throws IOException {
		Map<String, List<Integer>> byKey = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			byKey.computeIfAbsent(this.languages.key(items.get(i).language()), key -> new ArrayList<>()).add(i);
		}
		List<Hit> marked = new ArrayList<>(items);
		for (Map.Entry<String, List<Integer>> group : byKey.entrySet()) {
			List<Integer> positions = group.getValue();
			int[] groupDocs = new int[positions.size()];
			List<Hit> groupItems = new ArrayList<>(positions.size());
			for (int j = 0; j < positions.size(); j++) {
				groupDocs[j] = docs[positions.get(j)];
				groupItems.add(items.get(positions.get(j)));
			}
			List<Map<String, String>> snippets = Snippets.of(searcher.getIndexReader(), groupDocs, groupItems,
					terms.getOrDefault(group.getKey(), List.of()));
			for (int j = 0; j < positions.size(); j++) {
				marked.set(positions.get(j), groupItems.get(j).withHighlights(snippets.get(j)));
			}
		}
		return marked;
	}

	private static Hit hit(IndexSearcher searcher, int doc) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		BinaryDocValues items = leaf.reader().getBinaryDocValues(ITEM);
		if (items == null || !items.advanceExact(doc - leaf.docBase)) {
			throw new IllegalStateException("search index document without its list item: rebuild the index");
		}
		return ListItemCodec.decode(items.binaryValue(), Map.of());
	}

	private Query filters(Filters filters, Query text, Viewer viewer) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		if (text != null) {
			query.add(text, Occur.MUST);
		}
		else {
			query.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		Query visible = visibility(viewer);
		if (visible != null) {
			query.add(visible, Occur.FILTER);
		}
		Filters f = filters == null ? Filters.NONE : filters;
		if (f.statuses() != null && !f.statuses().isEmpty()) {
			BooleanQuery.Builder statuses = new BooleanQuery.Builder();
			for (String status : f.statuses()) {
				statuses.add(new TermQuery(new Term(KEY_STATUS, status)), Occur.SHOULD);
			}
			query.add(statuses.build(), Occur.FILTER);
		}
		if (f.owner() != null) {
			query.add(new TermQuery(new Term(KEY_OWNER, f.owner())), Occur.FILTER);
		}
		if (f.updatedAfter() != null || f.updatedBefore() != null) {
			long after = f.updatedAfter() == null ? Long.MIN_VALUE : f.updatedAfter().toEpochMilli() + 1;
			long before = f.updatedBefore() == null ? Long.MAX_VALUE : f.updatedBefore().toEpochMilli() - 1;
			query.add(LongPoint.newRangeQuery(UPDATED_AT, after, before), Occur.FILTER);
		}
		if (f.returned() != null) {
			query.add(new TermQuery(new Term(KEY_RETURNED, "true")), f.returned() ? Occur.FILTER : Occur.MUST_NOT);
		}
		if (f.agency() != null) {
			query.add(new TermQuery(new Term(KEY_AGENCY, f.agency())), Occur.FILTER);
		}
		if (f.section() != null) {
			// a section includes its subsections: vijesti lists vijesti/hrvatska too
			String section = CroatianAnalyzer.fold(f.section());
			query.add(new BooleanQuery.Builder().add(new TermQuery(new Term(KEY_SECTION, section)), Occur.SHOULD)
				.add(new PrefixQuery(new Term(KEY_SECTION, section + "/")), Occur.SHOULD)
				.build(), Occur.FILTER);
		}
		if (f.tagKeys() != null) {
			query.add(new TermInSetQuery(KEY_TAG, f.tagKeys().stream().map(BytesRef::new).toList()), Occur.FILTER);
		}
		else if (f.tag() != null) {
			// no tag has this slug: free text of older articles, by its slug form
			query.add(new TermQuery(new Term(KEY_TAG, TagDirectory.indexKey(f.tag()))), Occur.FILTER);
		}
		keyword(query, KEY_LANGUAGE, f.language());
		if (f.authorIds() != null) {
			query.add(new TermInSetQuery(KEY_AUTHOR, f.authorIds().stream().map(BytesRef::new).toList()),
					Occur.FILTER);
		}
		else if (f.author() != null) {
			BooleanQuery.Builder author = new BooleanQuery.Builder();
			author.add(new TermQuery(new Term(KEY_AUTHOR, f.author())), Occur.SHOULD);
			author.add(new TermQuery(new Term(KEY_AUTHOR, CroatianAnalyzer.fold(f.author()))), Occur.SHOULD);
			query.add(author.build(), Occur.FILTER);
		}
		if (f.from() != null || f.to() != null) {
			long from = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
			long to = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli() - 1;
			query.add(publishedBetween(from, to), Occur.FILTER);
		}
		return query.build();
	}

	/**
	 * What the viewer may see. Readers: published articles past their embargo, in whole seconds so
	 * the filter repeats and can be cached, from the start of the second (an embargo ending within
	 * it shows at most a second late, never early); an unpublished article has no visibleFrom at
	 * all. A journalist: everything published and their own work. Editors: everything ({@code null}).
	 */
	private Query visibility(Viewer viewer) {
		Viewer v = viewer == null ? Viewer.READER : viewer;
		if (!v.staff()) {
			long now = this.clock.instant().getEpochSecond() * 1000;
			return LongPoint.newRangeQuery(VISIBLE_FROM, Long.MIN_VALUE, now);
		}
		if (v.editor()) {
			return null;
		}
		return new BooleanQuery.Builder()
			.add(new TermQuery(new Term(KEY_STATUS, SearchDocument.PUBLISHED)), Occur.SHOULD)
			.add(new TermQuery(new Term(KEY_OWNER, v.subject() == null ? "" : v.subject())), Occur.SHOULD)
			.build();
	}

	private static Query counting(Query what, Query visible, String owner) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(what, Occur.FILTER);
		if (visible != null) {
			query.add(visible, Occur.FILTER);
		}
		if (owner != null) {
			query.add(new TermQuery(new Term(KEY_OWNER, owner)), Occur.FILTER);
		}
		return query.build();
	}

	private static SortField scheduledField() {
		SortField field = new SortField(SCHEDULED_AT, SortField.Type.LONG, false);
		field.setMissingValue(Long.MAX_VALUE);
		return field;
	}

	private <T> T withSearcher(SearcherWork<T> work) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return work.run(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface SearcherWork<T> {

		T run(IndexSearcher searcher) throws IOException;

	}

	private static Query publishedBetween(long from, long to) {
		return new IndexSortSortedNumericDocValuesRangeQuery(PUBLISHED_AT, from, to,
				LongPoint.newRangeQuery(PUBLISHED_AT, from, to));
	}

	private static void keyword(BooleanQuery.Builder query, String field, String value) {
		if (value != null) {
			query.add(new TermQuery(new Term(field, CroatianAnalyzer.fold(value))), Occur.FILTER);
		}
	}

	/**
	 * Every word of the query must occur in the article's text; an occurrence in the headline
	 * counts three times, one in the standfirst twice (see {@link #RANKED}). Words are analysed
	 * exactly as the text was, and only ever become term queries, so no query syntax can reach
	 * Lucene.
	 */
	private static Query textQuery(String field, List<BytesRef> terms) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (BytesRef term : terms) {
			query.add(new TermQuery(new Term(field, term)), Occur.MUST);
		}
		return query.build();
	}

	Document toDocument(SearchDocument source) {
		Document doc = new Document();
		doc.add(new StringField(ID, source.id(), Field.Store.NO));
		doc.add(new SortedDocValuesField(ID, new BytesRef(source.id())));
		doc.add(new BinaryDocValuesField(ITEM, ListItemCodec.encode(source)));
		String key = this.languages.key(source.language());
		Analyzer language = this.languages.analyzer(key);
		text(doc, HEADLINE, source.headline(), language);
		text(doc, STANDFIRST, source.standfirst(), language);
		text(doc, BODY, source.bodyText(), language);
		if (source.bodyText() != null && !source.bodyText().isEmpty()) {
			doc.add(new BinaryDocValuesField(BODY_TEXT, Snippets.bodyValue(source.bodyText())));
		}
		doc.add(new Field(LanguageAnalysis.rankedField(key), weightedTerms(source, language), RANKED_TYPE));
		keyword(doc, KEY_SECTION, source.section());
		for (String tag : source.tags()) {
			// a tag id as stored (renames and merges change no key), free text of older articles by its slug form
			doc.add(new StringField(KEY_TAG, TagDirectory.indexKey(tag), Field.Store.NO));
		}
		for (SearchDocument.Author author : source.authors()) {
			if (author != null) {
				// an author filter matches the id as given, or the name however it is cased or accented
				if (author.id() != null) {
					doc.add(new StringField(KEY_AUTHOR, author.id(), Field.Store.NO));
				}
				keyword(doc, KEY_AUTHOR, author.name());
			}
		}
		keyword(doc, KEY_LANGUAGE, source.language());
		String primary = LanguageAnalysis.primary(source.language());
		if (primary != null && !primary.equals(CroatianAnalyzer.fold(source.language()))) {
			// language=en finds en-GB too
			doc.add(new StringField(KEY_LANGUAGE, primary, Field.Store.NO));
		}
		long publishedAt = source.publishedAt() == null ? NEVER : source.publishedAt().toEpochMilli();
		// points + doc values under one name let Lucene skip non-competitive documents when sorting
		doc.add(new LongPoint(PUBLISHED_AT, publishedAt));
		doc.add(new NumericDocValuesField(PUBLISHED_AT, publishedAt));
		// readers' filter: an article not published is visible from never
		doc.add(new LongPoint(VISIBLE_FROM,
				source.visibleFrom() == null ? Long.MAX_VALUE : source.visibleFrom().toEpochMilli()));
		doc.add(new StringField(KEY_STATUS, source.status(), Field.Store.NO));
		if (source.ownerId() != null) {
			doc.add(new StringField(KEY_OWNER, source.ownerId(), Field.Store.NO));
		}
		if (source.returned()) {
			doc.add(new StringField(KEY_RETURNED, "true", Field.Store.NO));
		}
		for (String list : source.agency()) {
			doc.add(new StringField(KEY_AGENCY, list, Field.Store.NO));
		}
		long updatedAt = source.updatedAt().toEpochMilli();
		doc.add(new LongPoint(UPDATED_AT, updatedAt));
		doc.add(new NumericDocValuesField(UPDATED_AT, updatedAt));
		if (source.scheduledAt() != null) {
			long scheduledAt = source.scheduledAt().toEpochMilli();
			doc.add(new LongPoint(SCHEDULED_AT, scheduledAt));
			doc.add(new NumericDocValuesField(SCHEDULED_AT, scheduledAt));
		}
		return doc;
	}

	private static void keyword(Document doc, String field, String value) {
		if (value != null) {
			doc.add(new StringField(field, CroatianAnalyzer.fold(value), Field.Store.NO));
		}
	}

	private static void text(Document doc, String field, String value, Analyzer language) {
		if (value != null && !value.isEmpty()) {
			doc.add(new LanguageField(field, value, language));
		}
	}

	/**
	 * A text field analysed with its article's language. The token stream is made when the writer
	 * asks for it (and closed by the writer), so no stream is left open on the thread if a write
	 * fails half-way: the analyzers reuse one set of components per thread.
	 */
	private static final class LanguageField extends Field {

		private final Analyzer language;

		LanguageField(String name, String value, Analyzer language) {
			super(name, value, TEXT);
			this.language = language;
		}

		@Override
		public TokenStream tokenStream(Analyzer ignored, TokenStream reuse) {
			return this.language.tokenStream(name(), stringValue());
		}

	}

	/**
	 * Each distinct term of the article once, its frequency the weighted sum of its occurrences
	 * (Lucene takes a custom term frequency on a field without positions, and counts the length
	 * the same way, so length normalisation sees the weighted text too).
	 */
	private static TokenStream weightedTerms(SearchDocument source, Analyzer language) {
		Map<String, Integer> frequencies = new HashMap<>();
		count(frequencies, source.headline(), HEADLINE_WEIGHT, language);
		count(frequencies, source.standfirst(), STANDFIRST_WEIGHT, language);
		count(frequencies, source.bodyText(), BODY_WEIGHT, language);
		return new WeightedTermStream(frequencies);
	}

	private static void count(Map<String, Integer> frequencies, String text, int weight, Analyzer language) {
		if (text == null || text.isEmpty()) {
			return;
		}
		try (TokenStream stream = language.tokenStream(RANKED, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				frequencies.merge(term.toString(), weight, Integer::sum);
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class WeightedTermStream extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);

		private final Map<String, Integer> frequencies;

		private Iterator<Map.Entry<String, Integer>> next;

		WeightedTermStream(Map<String, Integer> frequencies) {
			this.frequencies = frequencies;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.next = this.frequencies.entrySet().iterator();
		}

		@Override
		public boolean incrementToken() {
			if (!this.next.hasNext()) {
				return false;
			}
			clearAttributes();
			Map.Entry<String, Integer> entry = this.next.next();
			this.term.setEmpty().append(entry.getKey());
			this.frequency.setTermFrequency(entry.getValue());
			return true;
		}

	}

	private static FieldType rankedType() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		type.freeze();
		return type;
	}

	private static FieldType textType() {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	private static IndexWriterConfig writerConfig(Analyzer analyzer) {
		// Segments sorted newest first: articles arrive in publishing order, so without this every
		// new one would be competitive for "newest first" and a list page would visit every match.
		// With it, a list page stops after its last item in each segment.
		return new IndexWriterConfig(analyzer).setIndexSort(LIST_SORT)
			.setRAMBufferSizeMB(48);
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
