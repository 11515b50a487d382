package news.platform.site.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.site.content.Sections;

/**
 * Which page a path is, by the shared public-URL patterns ({@code platform.public-urls.paths}): a
 * tag, an author, a section the site knows, an article ({@code <section path>/<slug>}), a section it
 * does not know (articles stored with a free-text section), or nothing.
 */
final class SiteRoutes {

	private static final String SEGMENT = "[a-z0-9]+(?:-[a-z0-9]+)*";

	private static final String SECTION = SEGMENT + "(?:/" + SEGMENT + ")?";

	sealed interface Route {
	}

	record SectionRoute(String path) implements Route {
	}

	record ArticleRoute(String sectionPath, String slug) implements Route {
	}

	record TagRoute(String slug) implements Route {
	}

	record AuthorRoute(String slug) implements Route {
	}

	record NoRoute() implements Route {
	}

	private final Pattern article;

	private final Pattern section;

	private final Pattern tag;

	private final Pattern author;

	private final Sections sections;

	SiteRoutes(PublicUrls.Paths paths, Sections sections) {
		this.article = compile(paths.article());
		this.section = compile(paths.section());
		this.tag = compile(paths.tag());
		this.author = compile(paths.author());
		this.sections = sections;
	}

	/** A pattern such as {@code /{section}/{slug}} as a regular expression with named groups. */
	private static Pattern compile(String pattern) {
		StringBuilder regex = new StringBuilder();
		Matcher placeholders = Pattern.compile("\\{(section|slug|tag|author)}").matcher(pattern);
		int at = 0;
		while (placeholders.find()) {
			regex.append(Pattern.quote(pattern.substring(at, placeholders.start())));
			String name = placeholders.group(1);
			regex.append("(?<").append(name).append('>').append(name.equals("section") ? SECTION : SEGMENT).append(')');
			at = placeholders.end();
		}
		regex.append(Pattern.quote(pattern.substring(at)));
		return Pattern.compile(regex.toString());
	}

	Route resolve(String path) {
		int end = path.indexOf('/', 1);
		if (PublicUrls.RESERVED_SEGMENTS.contains(path.substring(1, end < 0 ? path.length() : end))
				&& !this.tag.matcher(path).matches() && !this.author.matcher(path).matches()) {
			return new NoRoute();
		}
		Matcher matcher = this.tag.matcher(path);
		if (matcher.matches()) {
			return new TagRoute(matcher.group("tag"));
		}
		matcher = this.author.matcher(path);
		if (matcher.matches()) {
			return new AuthorRoute(matcher.group("author"));
		}
		Matcher asSection = this.section.matcher(path);
		if (asSection.matches() && this.sections.byPath(asSection.group("section")).isPresent()) {
			return new SectionRoute(asSection.group("section"));
		}
		matcher = this.article.matcher(path);
		if (matcher.matches()) {
			return new ArticleRoute(matcher.group("section"), matcher.group("slug"));
		}
		if (asSection.matches() && asSection.group("section").indexOf('/') < 0) {
			return new SectionRoute(asSection.group("section"));
		}
		return new NoRoute();
	}

}
