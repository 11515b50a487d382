package news.platform.article.tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Component;

import news.platform.article.naming.Label;
import news.platform.article.naming.PrefixIndex;
import news.platform.article.slug.Slugs;
import news.platform.autoconfigure.core.PublicUrls;

/**
 * Every tag in memory, on every replica: read whole at start-up, then changed one tag at a time
 * (this replica's own write, or a {@code tag.changed} event from the feed, re-read by key), so a
 * request resolves a tag, follows a merge or an old slug, and answers autocomplete without
 * touching MongoDB.
 *
 * <p>What an article stores for a tag (a "reference") is the tag's id; articles stored before tags
 * existed hold free text ({@code "Zagreb"}), matched by its slug form against every slug a tag
 * ever had. The search index keeps one key per reference ({@link #indexKey}) and a filter asks for
 * every key that leads to a tag ({@link #filterKeys}): renames and merges need no re-indexing.
 */
@Component
public class TagDirectory {

	private static final int MAX_HOPS = 16;

	private final Tags store;

	private final PublicUrls urls;

	private final Map<String, Tag> byId = new ConcurrentHashMap<>();

	/** Every slug a tag ever had → that tag's id (follow {@code mergedInto} from there). */
	private final Map<String, String> bySlug = new ConcurrentHashMap<>();

	/** Target id → the ids merged into it directly. */
	private final Map<String, Set<String>> mergedFrom = new ConcurrentHashMap<>();

	private final PrefixIndex names = new PrefixIndex();

	private final AtomicLong version = new AtomicLong();

	public TagDirectory(Tags store, PublicUrls urls) {
		this.store = store;
		this.urls = urls;
		store.forEach(this::put);
	}

	/** Changes whenever a tag is created, renamed or merged: list caches key on it. */
	public long version() {
		return this.version.get();
	}

	/** Re-reads one tag by key (a change on this or another replica). */
	public void refresh(String id) {
		this.store.find(id).ifPresent(this::put);
	}

	synchronized void put(Tag tag) {
		Tag old = this.byId.put(tag.id(), tag);
		if (old != null && old.mergedInto() != null) {
			Set<String> sources = this.mergedFrom.get(old.mergedInto());
			if (sources != null) {
				sources.remove(old.id());
			}
		}
		for (String slug : tag.slugs()) {
			this.bySlug.put(slug, tag.id());
		}
		if (tag.merged()) {
			this.mergedFrom.computeIfAbsent(tag.mergedInto(), key -> ConcurrentHashMap.newKeySet()).add(tag.id());
			this.names.put(tag.id(), null);
		}
		else {
			this.names.put(tag.id(), tag.name());
		}
		this.version.incrementAndGet();
	}

	/** The tag with this id as it is now (a merged tag's target), read by key if not yet here. */
	public Optional<Tag> byId(String id) {
		if (id == null) {
			return Optional.empty();
		}
		Tag tag = this.byId.get(id);
		if (tag == null && ObjectId.isValid(id)) {
			// written by another replica a moment ago, its event not yet applied here
			refresh(id);
			tag = this.byId.get(id);
		}
		return Optional.ofNullable(tag).map(this::current);
	}

	/** The tag a slug (current or old, its own or a merged tag's) leads to now. */
	public Optional<Tag> bySlug(String slug) {
		String id = slug == null ? null : this.bySlug.get(slug);
		return id == null ? Optional.empty() : Optional.ofNullable(this.byId.get(id)).map(this::current);
	}

	/** What an article's stored reference means now: a tag id, or older free text by its slug form. */
	public Optional<Tag> resolve(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		if (ObjectId.isValid(reference)) {
			Optional<Tag> tag = byId(reference);
			if (tag.isPresent()) {
				return tag;
			}
		}
		Optional<Tag> tag = bySlug(reference);
		return tag.isPresent() ? tag : bySlug(Slugs.fromHeadline(reference));
	}

	/** The tag as readers and staff see it; free text that names no tag keeps its words and its slug form. */
	public Label label(String reference) {
		return resolve(reference).map(this::label).orElseGet(() -> {
			String slug = Slugs.fromHeadline(reference);
			return new Label(null, slug.isEmpty() ? null : slug, reference, null);
		});
	}

	public Label label(Tag tag) {
		return new Label(tag.id(), tag.slug(), tag.name(), this.urls.tag(tag.slug()));
	}

	/** Labels for an article's references, each tag once. */
	public List<Label> labels(List<String> references) {
		Map<String, Label> labels = new java.util.LinkedHashMap<>();
		for (String reference : references) {
			Label label = label(reference);
			labels.putIfAbsent(label.id() != null ? label.id() : "text:" + label.name(), label);
		}
		return List.copyOf(labels.values());
	}

	/** Current slugs of an article's references, for feed events (free text by its slug form). */
	public List<String> slugs(List<String> references) {
		Set<String> slugs = new LinkedHashSet<>();
		for (Label label : labels(references)) {
			if (label.slug() != null) {
				slugs.add(label.slug());
			}
		}
		return List.copyOf(slugs);
	}

	/** The ids of the tags an article's references lead to now. */
	public Set<String> ids(List<String> references) {
		Set<String> ids = new LinkedHashSet<>();
		for (String reference : references) {
			resolve(reference).ifPresent(tag -> ids.add(tag.id()));
		}
		return ids;
	}

	/**
	 * The search index's key for one stored reference: a tag id as it is (renames and merges
	 * change nothing stored), free text by its slug form.
	 */
	public static String indexKey(String reference) {
		return ObjectId.isValid(reference) ? reference : "name:" + Slugs.fromHeadline(reference);
	}

	/**
	 * Every index key that leads to {@code tag}: its id and the ids merged into it (at any depth),
	 * and the slug forms free text of older articles would have for any of their slugs.
	 */
	public Set<String> filterKeys(Tag tag) {
		Set<String> keys = new LinkedHashSet<>();
		List<String> pending = new ArrayList<>(List.of(tag.id()));
		Set<String> seen = new LinkedHashSet<>();
		while (!pending.isEmpty() && seen.size() < 10_000) {
			String id = pending.remove(pending.size() - 1);
			if (!seen.add(id)) {
				continue;
			}
			keys.add(id);
			Tag t = this.byId.get(id);
			if (t != null) {
				t.slugs().forEach(slug -> keys.add("name:" + slug));
			}
			pending.addAll(this.mergedFrom.getOrDefault(id, Set.of()));
		}
		return keys;
	}

	/** Autocomplete: live tags whose name has a word starting with {@code prefix} (folded). */
	public List<Tag> suggest(String prefix, int limit) {
		return this.names.find(prefix, limit).stream().map(this.byId::get).filter(t -> t != null && !t.merged()).toList();
	}

	public URI url(Tag tag) {
		return this.urls.tag(tag.slug());
	}

	/** Follows merges to the tag that stands now. */
	private Tag current(Tag tag) {
		Tag now = tag;
		for (int hops = 0; now.merged() && hops < MAX_HOPS; hops++) {
			Tag next = this.byId.get(now.mergedInto());
			if (next == null) {
				refresh(now.mergedInto());
				next = this.byId.get(now.mergedInto());
			}
			if (next == null) {
				break;
			}
			now = next;
		}
		return now;
	}

}
