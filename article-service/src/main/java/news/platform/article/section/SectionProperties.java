package news.platform.article.section;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sections in {@code article.sections.*} (config-repo/article-service.yml).
 *
 * @param initial what a new database starts with, parents before their subsections (a path is
 * {@code slug} or {@code parent/slug}); written once, at the first start on that database
 * @param importDefault the section of an imported draft when the import names none (or names one
 * that does not exist: an agency's own section names are not ours)
 * @param cacheControl of {@code GET /api/v1/sections}
 */
@ConfigurationProperties("article.sections")
public record SectionProperties(@DefaultValue List<Initial> initial, @DefaultValue("svijet") String importDefault,
		@DefaultValue("public, max-age=60, stale-while-revalidate=30, stale-if-error=86400") String cacheControl) {

	/** One configured section: its path, the name readers see, an optional description. */
	public record Initial(String path, String name, String description) {
	}

}
