package news.platform.site.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.site.SiteProperties;

/**
 * The site's sections: from article-service ({@code GET /api/v1/sections}, issue 15) when it
 * answers, else from {@code site.sections}. Read again every minute and when the feed announces
 * {@code section.changed}; a failed read keeps what was there.
 */
public final class Sections {

	private static final Logger log = LoggerFactory.getLogger(Sections.class);

	private final ArticleApi articles;

	private final List<Section> configured;

	private final String defaultSection;

	private volatile Snapshot snapshot;

	private record Snapshot(List<Section> all, Map<String, Section> bySlug, Map<String, Section> byPath,
			boolean fromService) {
	}

	public Sections(ArticleApi articles, SiteProperties properties) {
		this.articles = articles;
		this.defaultSection = properties.defaultSection();
		List<Section> sections = new ArrayList<>();
		int position = 0;
		for (SiteProperties.SectionSetting setting : properties.sections()) {
			String parent = setting.parent() == null || setting.parent().isBlank() ? null : setting.parent();
			sections.add(new Section(setting.slug(), setting.name(),
					parent == null ? setting.slug() : parent + "/" + setting.slug(), parent, null, position++));
		}
		this.configured = List.copyOf(sections);
		this.snapshot = snapshot(this.configured, false);
	}

	/** Reads the sections again; true when they changed. */
	public boolean refresh() {
		try {
			Optional<List<Section>> fromService = this.articles.sections();
			Snapshot next = fromService.filter(list -> !list.isEmpty())
				.map(list -> snapshot(list, true))
				.orElseGet(() -> snapshot(this.configured, false));
			boolean changed = !next.all().equals(this.snapshot.all());
			this.snapshot = next;
			return changed;
		}
		catch (UpstreamUnavailable ex) {
			log.debug("sections not refreshed: {}", ex.getMessage());
			return false;
		}
	}

	private static Snapshot snapshot(List<Section> sections, boolean fromService) {
		List<Section> sorted = new ArrayList<>(sections);
		sorted.sort(Comparator.comparingInt(Section::position).thenComparing(Section::name));
		Map<String, Section> bySlug = new LinkedHashMap<>();
		Map<String, Section> byPath = new LinkedHashMap<>();
		for (Section section : sorted) {
			bySlug.put(section.slug(), section);
			byPath.put(section.path(), section);
		}
		return new Snapshot(List.copyOf(sorted), Map.copyOf(bySlug), Map.copyOf(byPath), fromService);
	}

	public List<Section> all() {
		return this.snapshot.all();
	}

	public List<Section> topLevel() {
		return this.snapshot.all().stream().filter(Section::topLevel).toList();
	}

	public List<Section> children(Section parent) {
		return this.snapshot.all().stream().filter(section -> parent.slug().equals(section.parent())).toList();
	}

	public Optional<Section> byPath(String path) {
		return Optional.ofNullable(this.snapshot.byPath().get(path));
	}

	public Optional<Section> bySlug(String slug) {
		return slug == null ? Optional.empty() : Optional.ofNullable(this.snapshot.bySlug().get(slug));
	}

	/** Whether the list came from article-service (issue 15) rather than the configuration. */
	public boolean fromService() {
		return this.snapshot.fromService();
	}

	/**
	 * The path of the section an article names: a known section's path; a section the site does not
	 * know by its slug made from the name (articles stored with a free-text section); none at all:
	 * the default section.
	 */
	public String pathOf(String articleSection) {
		if (articleSection == null || articleSection.isBlank()) {
			return this.defaultSection;
		}
		Section known = this.snapshot.bySlug().get(articleSection);
		if (known == null) {
			known = this.snapshot.byPath().get(articleSection);
		}
		if (known != null) {
			return known.path();
		}
		if (articleSection.matches("[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?")) {
			// a section path article-service knows and this replica has not read yet
			return articleSection;
		}
		String slug = Slugs.of(articleSection);
		return slug.isEmpty() ? this.defaultSection : slug;
	}

	/** The section an article names, if the site knows it. */
	public Optional<Section> of(String articleSection) {
		return byPath(pathOf(articleSection));
	}

	/** A display name for a section path the site may not know (a free-text section). */
	public String nameOf(String path) {
		Section known = this.snapshot.byPath().get(path);
		if (known != null) {
			return known.name();
		}
		String last = path.substring(path.lastIndexOf('/') + 1).replace('-', ' ');
		return last.isEmpty() ? path : Character.toUpperCase(last.charAt(0)) + last.substring(1);
	}

}
