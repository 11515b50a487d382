package news.platform.article.web;

import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.openapi.ServiceApiDocument;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * The service's OpenAPI document at /v3/api-docs: the shared handlers' common problem types and
 * this service's own, listed per status from the catalogue.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/**
	 * The types this service answers beyond the common ones; {@code ProblemCatalogueTest} fails
	 * when the code answers one that is missing here or in the README.
	 */
	static final Set<ProblemType> OWN_TYPES = EnumSet.of(
			// editing and workflow
			ProblemType.SLUG_TAKEN, ProblemType.ILLEGAL_TRANSITION,
			// sections: deleting one that still holds articles or subsections
			ProblemType.SECTION_IN_USE,
			// the lookup by public path: a story once published and now withdrawn
			ProblemType.ARTICLE_GONE,
			// If-Match on updates (VersionPreconditions)
			ProblemType.PRECONDITION_REQUIRED, ProblemType.STALE_VERSION,
			// request bodies: the JSON guard, imports
			ProblemType.INVALID_ENCODING, ProblemType.OPERATOR_KEY, ProblemType.UNSUPPORTED_CHARSET,
			ProblemType.NINJS_INVALID,
			// search: the queue is full or the wait too long; an agency batch out of time (per item)
			ProblemType.BUSY,
			// tags and author profiles: changed by another request between read and write
			ProblemType.VERSION_CONFLICT,
			// agency pictures: media-service down or too slow
			ProblemType.UPSTREAM_UNAVAILABLE, ProblemType.UPSTREAM_TIMEOUT);

	@Bean
	OpenAPI articleServiceOpenApi() {
		return ServiceApiDocument.document("article-service",
				"Articles: editing, workflow, revisions, work lists, sections, preview links, reading and the event feed.", OWN_TYPES);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceApiDocument.problemResponses(OWN_TYPES);
	}

}
