package news.platform.article.reader;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import news.platform.article.commit.ArticleSaved;
import news.platform.article.linking.ArticleLinkTargets;
import news.platform.article.ninjs.NinjsArticle;
import news.platform.article.ninjs.NinjsMapper;
import news.platform.article.author.AuthorChanged;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.naming.Label;
import news.platform.article.section.SectionChanged;
import news.platform.article.tag.TagChanged;
import news.platform.article.tag.TagDirectory;
import news.platform.article.section.SectionDirectory;
import news.platform.article.slug.SlugClaims;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.article.story.RichText;
import news.platform.article.translation.TranslationGroups;
import news.platform.article.translation.TranslationLinks;
import news.platform.article.web.ContentCoding;

/**
 * Hot published articles as ready-to-send bytes: the JSON once, gzipped once, each with its own
 * strong ETag, so a hit costs no serialisation and no compression. A write invalidates the entry
 * at once on the replica that took it; other replicas invalidate when the feed event arrives
 * ({@code article-service.reader-cache}, see {@link ReaderConfiguration}).
 */
@Component
class ReaderCache {

	private static final Duration LONGEST_LIFE = Duration.ofMinutes(10);

	private final Articles articles;

	private final SlugClaims slugs;

	private final Clock clock;

	private final JsonMapper json;

	private final Cache<String, Entry> byId;

	private final Cache<String, String> slugToId;

	private final Cache<String, Entry> ninjsById;

	private final SectionDirectory sections;

	private final ArticleLinkTargets linkTargets;

	private final TranslationGroups translations;

	/**
	 * Which cached articles link to which article (target id → source ids): a cached answer holds
	 * the target's URL, or leaves the link out while the target is unpublished, so any change of
	 * the target (published, unpublished, new slug) drops the answers that link to it too.
	 */
	private final Map<String, Set<String>> linkedFrom = new ConcurrentHashMap<>();

	private final TagDirectory tags;

	private final AuthorDirectory authors;

	/**
	 * Which cached articles name which tag or author (its id → article ids): a cached answer holds
	 * their slugs and names, so a rename or a merge drops exactly the answers it touches.
	 */
	private final Map<String, Set<String>> namedBy = new ConcurrentHashMap<>();

	ReaderCache(Articles articles, SlugClaims slugs, Clock clock, JsonMapper json, ReaderProperties properties,
			MeterRegistry meters, SectionDirectory sections, ArticleLinkTargets linkTargets,
			TranslationGroups translations, TagDirectory tags, AuthorDirectory authors) {
		this.tags = tags;
		this.authors = authors;
		this.articles = articles;
		this.translations = translations;
		this.linkTargets = linkTargets;
		this.slugs = slugs;
		this.sections = sections;
		this.clock = clock;
		this.json = json;
		long maxBytes = properties.maxSize().toBytes();
		this.byId = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((String id, Entry entry) -> entry.weight())
			.expireAfter(new UntilCommentsClose())
			.recordStats()
			.build();
		// slug → id pairs of at most a few hundred bytes each: a count bounds them (about what the
		// answers above hold, twice over for old slugs)
		this.slugToId = Caffeine.newBuilder().maximumSize(Math.max(1_000, maxBytes / 2_000)).build();
		// the agency-exchange representation is asked for far less: a smaller cache of its own
		this.ninjsById = Caffeine.newBuilder()
			.maximumWeight(Math.max(1, maxBytes / 10))
			.weigher((String id, Entry entry) -> entry.weight())
			.expireAfter(new UntilCommentsClose())
			.recordStats()
			.build();
		// cache_gets_total{cache="reader-articles",result="hit|miss"}: the hit ratio operators watch
		CaffeineCacheMetrics.monitor(meters, this.byId, "reader-articles");
		CaffeineCacheMetrics.monitor(meters, this.ninjsById, "reader-ninjs");
	}

	/**
	 * The response for one published article, identity and gzip, each with its ETag. It lives until
	 * {@code refreshAt} at most: comments close, or an embargoed translation becomes visible (no
	 * event announces an embargo's end).
	 */
	record Entry(String id, String slug, byte[] identity, String etag, byte[] gzip, String gzipEtag,
			long lastModified, Instant commentsCloseAt, Instant refreshAt) {

		/** The bytes of both answers plus an allowance for the strings and objects around them. */
		int weight() {
			return 200 + this.identity.length + (this.gzip == null ? 0 : this.gzip.length)
					+ 2 * (this.id.length() + (this.slug == null ? 0 : this.slug.length()) + this.etag.length()
							+ (this.gzipEtag == null ? 0 : this.gzipEtag.length()));
		}

	}

	/** Empty when the article is not visible to readers (draft, scheduled, unpublished, gone). */
	Optional<Entry> byId(String id) {
		Entry entry = this.byId.getIfPresent(id);
		if (entry != null) {
			return Optional.of(entry);
		}
		Instant now = this.clock.instant();
		// computed under the cache's lock for this key, so an invalidation that races the fill wins
		return Optional.ofNullable(this.byId.get(id, key -> load(key, now)));
	}

	/** The IPTC ninjs representation of a published article, with its own ETags. */
	Optional<Entry> ninjsById(String id) {
		Entry entry = this.ninjsById.getIfPresent(id);
		if (entry != null) {
			return Optional.of(entry);
		}
		Instant now = this.clock.instant();
		return Optional.ofNullable(this.ninjsById.get(id, key -> {
			Article article = this.articles.find(key).filter(a -> a.visibleAt(now)).orElse(null);
			return article == null ? null : entry(article, ninjs(article), now, null);
		}));
	}

	/** ninjs of any article; {@code renditions[web]} only once readers can see it. */
	byte[] ninjs(Article article) {
		URI url = article.visibleAt(this.clock.instant()) ? this.sections.articleUrl(article.section(), article.slug())
				: null;
		return this.json.writeValueAsBytes(NinjsMapper.toNinjs(NinjsArticle.of(named(forReaders(article)),
				this.sections.display(article.section()), url, null)));
	}

	/** The public URL of a published article (its section path now), or {@code null}. */
	URI url(Article article) {
		return this.sections.articleUrl(article.section(), article.slug());
	}

	String sectionPath(Article article) {
		return this.sections.display(article.section());
	}

	/** The article id a slug leads to (current or old slug); the caller compares the slugs. */
	Optional<String> idForSlug(String slug) {
		String id = this.slugToId.getIfPresent(slug);
		if (id != null) {
			return Optional.of(id);
		}
		Optional<String> claimed = this.slugs.find(slug).map(SlugClaims.Claim::articleId);
		claimed.ifPresent(found -> this.slugToId.put(slug, found));
		return claimed;
	}

	/** The stored article, in any state (the path lookup tells gone from never published). */
	Optional<Article> stored(String id) {
		return this.articles.find(id);
	}

	/** Whether {@code slug} is an old slug of this article (a stale claim is not). */
	boolean isPreviousSlug(String id, String slug) {
		return this.articles.find(id).map(a -> a.previousSlugs().contains(slug)).orElse(false);
	}

	/**
	 * Every entry: a section's path or a section itself changed, and with it the section and URL
	 * of every article in it (and of its subsections).
	 */
	void invalidateAll() {
		this.byId.invalidateAll();
		this.ninjsById.invalidateAll();
		this.slugToId.invalidateAll();
		this.linkedFrom.clear();
		this.namedBy.clear();
	}

	/** A tag or author changed (renamed, merged, new name): the answers naming it go. */
	void invalidateNaming(String tagOrAuthorId) {
		Set<String> named = this.namedBy.remove(tagOrAuthorId);
		if (named != null) {
			for (String id : named) {
				this.byId.invalidate(id);
				this.ninjsById.invalidate(id);
			}
		}
	}

	@EventListener
	void onTagChanged(TagChanged changed) {
		changed.ids().forEach(this::invalidateNaming);
	}

	@EventListener
	void onAuthorChanged(AuthorChanged changed) {
		invalidateNaming(changed.id());
	}

	/**
	 * Tags and authors by name for the ninjs export (subjects and by-line); remembers which ones
	 * the answer shows, as {@link #forReaders} does for links.
	 */
	private Article named(Article article) {
		remember(article);
		return article.toBuilder()
			.tags(this.tags.labels(article.tags()).stream().map(Label::name).toList())
			.authors(this.authors.labels(article.authors()).stream().map(Label::name).toList())
			.build();
	}

	/** Registered before the names are read: a change meanwhile drops this entry. */
	private void remember(Article article) {
		for (String id : this.tags.ids(article.tags())) {
			this.namedBy.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(article.id());
		}
		// a stored reference may be a tag merged since: its own id is named too
		for (String reference : article.tags()) {
			this.namedBy.computeIfAbsent(reference, key -> ConcurrentHashMap.newKeySet()).add(article.id());
		}
		for (String id : this.authors.ids(article.authors())) {
			this.namedBy.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(article.id());
		}
	}

	@EventListener
	void onSectionChanged(SectionChanged changed) {
		invalidateAll();
	}

	void invalidate(String id) {
		this.byId.invalidate(id);
		this.ninjsById.invalidate(id);
		this.slugToId.asMap().values().removeIf(id::equals);
		Set<String> sources = this.linkedFrom.remove(id);
		if (sources != null) {
			for (String source : sources) {
				this.byId.invalidate(source);
				this.ninjsById.invalidate(source);
			}
		}
	}

	/** The article with its inline links to other articles as readers get them; remembers them. */
	private Article forReaders(Article article) {
		Set<String> targets = RichText.linkedArticles(article.body());
		if (targets.isEmpty()) {
			return article;
		}
		// registered before the targets are read: a target changing meanwhile drops this entry
		for (String target : targets) {
			this.linkedFrom.computeIfAbsent(target, key -> ConcurrentHashMap.newKeySet()).add(article.id());
		}
		return article.toBuilder().body(this.linkTargets.forReaders(article.body())).build();
	}

	@EventListener
	void onSaved(ArticleSaved saved) {
		invalidate(saved.article().id());
	}

	/** A translation link changed on this replica (other replicas: the feed's translations.changed). */
	@EventListener
	void onTranslationsChanged(TranslationLinks.TranslationsChanged changed) {
		changed.articleIds().forEach(this::invalidate);
	}

	private Entry load(String id, Instant now) {
		Article article = this.articles.find(id).filter(a -> a.visibleAt(now)).orElse(null);
		if (article == null) {
			return null;
		}
		remember(article);
		List<String> others = this.translations.othersOf(id);
		// registered before the translations are read, as for links: a translation changing
		// meanwhile (unpublished, a new slug) drops this entry
		for (String other : others) {
			this.linkedFrom.computeIfAbsent(other, key -> ConcurrentHashMap.newKeySet()).add(id);
		}
		List<ReaderArticle.Translation> visible = new ArrayList<>(others.size());
		Instant refreshAt = null;
		for (String other : others) {
			Article translation = this.articles.find(other).orElse(null);
			if (translation == null) {
				continue;
			}
			if (translation.visibleAt(now)) {
				visible.add(new ReaderArticle.Translation(translation.id(), translation.language(), url(translation)));
			}
			else if (translation.status() == ArticleStatus.PUBLISHED && translation.embargoUntil() != null
					&& (refreshAt == null || translation.embargoUntil().isBefore(refreshAt))) {
				refreshAt = translation.embargoUntil();
			}
		}
		return entry(article, this.json.writeValueAsBytes(
				ReaderArticle.of(forReaders(article), now, sectionPath(article), url(article),
						this.authors.labels(article.authors()), this.tags.labels(article.tags()), List.copyOf(visible))),
				now, refreshAt);
	}

	private static Entry entry(Article article, byte[] identity, Instant now, Instant refreshAt) {
		String id = article.id();
		byte[] gzip = ContentCoding.gzip(identity);
		String hash = sha256(identity);
		return new Entry(id, article.slug(), identity, "\"" + hash + "\"", gzip, "\"" + hash + "-gz\"",
				article.updatedAt().toEpochMilli(), article.commentsOpenAt(now) ? article.commentsCloseAt() : null,
				refreshAt);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An entry whose "comments open" flips at a known time lives only until then. */
	private static final class UntilCommentsClose implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			long longest = LONGEST_LIFE.toNanos();
			for (Instant until : new Instant[] { entry.commentsCloseAt(), entry.refreshAt() }) {
				if (until != null) {
					longest = Math.min(longest, Duration.between(Instant.now(), until).toNanos());
				}
			}
			return Math.max(0, longest);
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return expireAfterCreate(key, entry, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
