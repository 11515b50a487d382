package news.platform.article.tag;

import java.util.List;

/**
 * Published in-process after a tag write on this replica (other replicas learn it from the
 * {@code tag.changed} feed event): the reader cache drops the answers of articles naming the tag,
 * and the list caches move on with {@link TagDirectory#version()}.
 *
 * @param ids the tag written and, for a merge, the tag it went into
 */
public record TagChanged(List<String> ids) {

	/** The feed event announcing a tag created, renamed or merged (subject {@code null}). */
	public static final String EVENT = "tag.changed";

}
