package news.platform.article.section;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import news.platform.article.slug.Slugs;
import news.platform.autoconfigure.core.PublicUrls;

/**
 * Every section in memory, on every replica: a handful of documents, read whole at start-up and
 * again after a change (this replica's own write, or a {@code section.changed} event from the feed
 * for another's), so requests resolve a section without touching MongoDB. It maps what an article
 * stores as its section to the section it means now: a current path, an old path (a slug or parent
 * that changed: the claim still leads to the section), or the free text of older articles
 * ({@code "Sport"}, {@code "Vijesti iz Hrvatske"}), matched by its slug form against paths and
 * names. Public article URLs come from here, with the shared {@link PublicUrls} patterns.
 */
@Component
public class SectionDirectory {

	private final Sections store;

	private final PublicUrls urls;

	private final AtomicLong version = new AtomicLong();

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	public SectionDirectory(Sections store, PublicUrls urls) {
		this.store = store;
		this.urls = urls;
		reload();
	}

	/** A section and its path now. */
	public record Resolved(Section section, String path) {
	}

	/** A section with its path and its subsections, in reading order. */
	public record Node(Section section, String path, List<Node> children) {
	}

	/**
	 * Reads the sections again (two small collections). Answers whether anything changed; the
	 * {@link #version()} moves on only then, so caches keyed by it survive a reload that changed
	 * nothing.
	 */
	public synchronized boolean reload() {
		Snapshot next = Snapshot.of(this.store.all(), this.store.allPaths());
		if (next.equals(this.snapshot)) {
			return false;
		}
		this.snapshot = next;
		this.version.incrementAndGet();
		return true;
	}

	/** Changes whenever a section's slug, name, parent, order or existence changes. */
	public long version() {
		return this.version.get();
	}

	public PublicUrls urls() {
		return this.urls;
	}

	/**
	 * The section an article's stored value means now: an exact path (current or old), the same in
	 * slug form (free text of older articles: {@code "Sport"} is {@code sport}), or a section's name
	 * in slug form. Empty when nothing matches.
	 */
	public Optional<Resolved> resolve(String stored) {
		if (stored == null || stored.isBlank()) {
			return Optional.empty();
		}
		Snapshot s = this.snapshot;
		String id = s.pathToId().get(stored);
		if (id == null) {
			id = s.pathToId().get(slugPath(stored));
		}
		if (id == null) {
			id = s.byNameKey().get(Slugs.fromHeadline(stored));
		}
		Section section = id == null ? null : s.byId().get(id);
		return section == null ? Optional.empty() : Optional.of(new Resolved(section, s.currentPath().get(id)));
	}

	/** The current path of what an article stores as its section, or empty. */
	public Optional<String> path(String stored) {
		return resolve(stored).map(Resolved::path);
	}

	/** The current path when the stored value resolves, else the stored value as it is. */
	public String display(String stored) {
		return resolve(stored).map(Resolved::path).orElse(stored);
	}

	/** The public URL of an article's page, or {@code null} when its section resolves to none. */
	public URI articleUrl(String storedSection, String slug) {
		return path(storedSection).map(path -> this.urls.article(path, slug)).orElse(null);
	}

	/** A section by its current path only (an old path is {@link #resolve}'s). */
	public Optional<Resolved> byCurrentPath(String path) {
		Snapshot s = this.snapshot;
		String id = s.pathToId().get(path);
		if (id == null || !path.equals(s.currentPath().get(id))) {
			return Optional.empty();
		}
		return Optional.of(new Resolved(s.byId().get(id), path));
	}

	public Optional<Resolved> byId(String id) {
		Snapshot s = this.snapshot;
		Section section = s.byId().get(id);
		return section == null ? Optional.empty() : Optional.of(new Resolved(section, s.currentPath().get(id)));
	}

	/** The live subsections of a section. */
	public List<Section> children(String id) {
		return this.snapshot.byId().values().stream().filter(section -> id.equals(section.parentId())).toList();
	}

	/** Every path, current and old, that leads to the section. */
	public List<String> pathsOf(String id) {
		List<String> paths = new ArrayList<>();
		this.snapshot.pathToId().forEach((path, holder) -> {
			if (holder.equals(id)) {
				paths.add(path);
			}
		});
		return paths;
	}

	/** Top-level sections in order (position, then name), each with its subsections in order. */
	public List<Node> tree() {
		Snapshot s = this.snapshot;
		Comparator<Section> order = Comparator.comparingInt(Section::position)
			.thenComparing(Section::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(Section::id);
		List<Node> roots = new ArrayList<>();
		s.byId().values().stream().filter(section -> section.parentId() == null).sorted(order).forEach(root -> {
			List<Node> children = s.byId()
				.values()
				.stream()
				.filter(section -> root.id().equals(section.parentId()))
				.sorted(order)
				.map(child -> new Node(child, s.currentPath().get(child.id()), List.of()))
				.toList();
			roots.add(new Node(root, s.currentPath().get(root.id()), children));
		});
		return roots;
	}

	/** {@code "Vijesti/Hrvatska"} → {@code "vijesti/hrvatska"}: each segment in slug form. */
	static String slugPath(String text) {
		String[] segments = text.split("/", -1);
		StringBuilder path = new StringBuilder();
		for (String segment : segments) {
			if (!path.isEmpty()) {
				path.append('/');
			}
			path.append(Slugs.fromHeadline(segment));
		}
		return path.toString();
	}

	/** What the directory holds between two reloads; immutable, compared to tell a change. */
	record Snapshot(Map<String, Section> byId, Map<String, String> pathToId, Map<String, String> currentPath,
			Map<String, String> byNameKey) {

		static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of());

		static Snapshot of(List<Section> sections, Map<String, String> claims) {
			Map<String, Section> live = new LinkedHashMap<>();
			sections.stream()
				.filter(section -> !section.deleted())
				.sorted(Comparator.comparing(Section::id))
				.forEach(section -> live.put(section.id(), section));
			Map<String, String> current = new HashMap<>();
			for (Section section : live.values()) {
				Section parent = section.parentId() == null ? null : live.get(section.parentId());
				current.put(section.id(), parent == null ? section.slug() : parent.slug() + "/" + section.slug());
			}
			Map<String, String> paths = new HashMap<>();
			claims.forEach((path, id) -> {
				if (live.containsKey(id)) {
					paths.put(path, id);
				}
			});
			// the current path always leads to its section, even before its claim is read back
			current.forEach((id, path) -> paths.putIfAbsent(path, id));
			Map<String, String> names = new HashMap<>();
			Set<String> ambiguous = new HashSet<>();
			for (Section section : live.values()) {
				String key = Slugs.fromHeadline(section.name());
				if (names.putIfAbsent(key, section.id()) != null) {
					ambiguous.add(key);
				}
			}
			ambiguous.forEach(names::remove);
			return new Snapshot(Map.copyOf(live), Map.copyOf(paths), Map.copyOf(current), Map.copyOf(names));
		}

	}

}
