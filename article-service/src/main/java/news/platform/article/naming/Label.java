package news.platform.article.naming;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tag or an author as an article names it, resolved to what it is now: its stable id, its slug
 * now and its display name, and its public page. A free-text name stored by an older article that
 * matches no profile has only its {@code name} (nulls are left out of answers, so a renderer shows
 * the name without a link).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Label(String id, String slug, String name, URI url) {

	/** A stored free-text name that names nothing of ours. */
	public static Label text(String name) {
		return new Label(null, null, name, null);
	}

	public Label withoutUrl() {
		return this.url == null ? this : new Label(this.id, this.slug, this.name, null);
	}

}
