package news.platform.article.author;

import java.net.URI;
import java.util.LinkedHashMap;
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
import news.platform.autoconfigure.core.PublicUrls;

/**
 * Every author profile in memory, on every replica: read whole at start-up, then changed one
 * profile at a time (this replica's write, or an {@code author.changed} event re-read by key), so
 * bylines, public profiles and autocomplete never touch MongoDB on a request. An article stores
 * its authors' ids; an article stored before profiles existed holds free-text names, which read
 * as names without a profile.
 */
@Component
public class AuthorDirectory {

	private final Authors store;

	private final PublicUrls urls;

	private final Map<String, Author> byId = new ConcurrentHashMap<>();

	private final Map<String, String> bySlug = new ConcurrentHashMap<>();

	private final Map<String, String> byUser = new ConcurrentHashMap<>();

	private final PrefixIndex names = new PrefixIndex();

	private final AtomicLong version = new AtomicLong();

	public AuthorDirectory(Authors store, PublicUrls urls) {
		this.store = store;
		this.urls = urls;
		store.forEach(this::put);
	}

	public long version() {
		return this.version.get();
	}

	public void refresh(String id) {
		this.store.find(id).ifPresent(this::put);
	}

	synchronized void put(Author author) {
		this.byId.put(author.id(), author);
		for (String slug : author.slugs()) {
			this.bySlug.put(slug, author.id());
		}
		if (author.userId() != null) {
			this.byUser.put(author.userId(), author.id());
		}
		this.names.put(author.id(), author.name());
		this.version.incrementAndGet();
	}

	/** The profile with this id, read by key if another replica wrote it a moment ago. */
	public Optional<Author> byId(String id) {
		if (id == null) {
			return Optional.empty();
		}
		Author author = this.byId.get(id);
		if (author == null && ObjectId.isValid(id)) {
			refresh(id);
			author = this.byId.get(id);
		}
		return Optional.ofNullable(author);
	}

	/** The profile a slug (current or old) leads to. */
	public Optional<Author> bySlug(String slug) {
		String id = slug == null ? null : this.bySlug.get(slug);
		return id == null ? Optional.empty() : Optional.ofNullable(this.byId.get(id));
	}

	Optional<Author> byUser(String userId) {
		String id = this.byUser.get(userId);
		if (id == null) {
			id = this.store.ofUser(userId).orElse(null);
		}
		return byId(id);
	}

	/** An article's stored author: a profile id, or the free-text name of an older article. */
	public Optional<Author> resolve(String reference) {
		return ObjectId.isValid(reference) ? byId(reference) : Optional.empty();
	}

	public Label label(String reference) {
		return resolve(reference).map(this::label).orElseGet(() -> Label.text(reference));
	}

	public Label label(Author author) {
		return new Label(author.id(), author.slug(), author.name(), this.urls.author(author.slug()));
	}

	public List<Label> labels(List<String> references) {
		Map<String, Label> labels = new LinkedHashMap<>();
		for (String reference : references) {
			Label label = label(reference);
			labels.putIfAbsent(label.id() != null ? label.id() : "text:" + label.name(), label);
		}
		return List.copyOf(labels.values());
	}

	/** Current slugs of an article's authors that have a profile, for feed events. */
	public List<String> slugs(List<String> references) {
		Set<String> slugs = new LinkedHashSet<>();
		for (String reference : references) {
			resolve(reference).ifPresent(author -> slugs.add(author.slug()));
		}
		return List.copyOf(slugs);
	}

	public Set<String> ids(List<String> references) {
		Set<String> ids = new LinkedHashSet<>();
		for (String reference : references) {
			resolve(reference).ifPresent(author -> ids.add(author.id()));
		}
		return ids;
	}

	public List<Author> suggest(String prefix, int limit) {
		return this.names.find(prefix, limit).stream().map(this.byId::get).filter(a -> a != null).toList();
	}

	public URI url(Author author) {
		return this.urls.author(author.slug());
	}

}
