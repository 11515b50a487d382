package news.platform.comment.web;

import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.openapi.ServiceApiDocument;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * The service's OpenAPI document at /v3/api-docs, with the problem types every endpoint may answer:
 * the platform's common ones and these (the README says when each is answered).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The catalogue's types comment-service answers beyond the common ones. */
	static final Set<ProblemType> OWN_PROBLEMS = Set.of(ProblemType.INVALID_HEADER, ProblemType.USER_SUSPENDED,
			ProblemType.USER_BANNED, ProblemType.COMMENTS_CLOSED, ProblemType.VERSION_CONFLICT,
			ProblemType.COMMENT_STATE, ProblemType.EDIT_WINDOW_CLOSED, ProblemType.IDEMPOTENCY_KEY_REUSED,
			ProblemType.RATE_LIMITED, ProblemType.UPSTREAM_UNAVAILABLE, ProblemType.PRECONDITION_REQUIRED,
			ProblemType.STALE_VERSION);

	@Bean
	OpenAPI commentServiceOpenApi() {
		return ServiceApiDocument.document("comment-service",
				"Reader comments: threads, posting, reactions, counts, live stream, moderation and its settings.", OWN_PROBLEMS);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceApiDocument.problemResponses(OWN_PROBLEMS);
	}

}
