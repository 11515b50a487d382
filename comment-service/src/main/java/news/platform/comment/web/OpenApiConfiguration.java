package news.platform.comment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.starter.openapi.ServiceApiDocument;

/** The service's OpenAPI document at /v3/api-docs, with the problem types every endpoint may answer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** status → the problem types answered with it (type = /problems/<slug>; the README says when). */
	static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", "/problems/unknown-field, /problems/invalid-value, /problems/malformed-body, "
				+ "/problems/invalid-parameter, /problems/invalid-header");
		PROBLEMS.put("401", "/problems/unauthorized");
		PROBLEMS.put("403", "/problems/forbidden, /problems/user-suspended, /problems/user-banned");
		PROBLEMS.put("404", "/problems/not-found");
		PROBLEMS.put("409", "/problems/comments-closed, /problems/version-conflict, /problems/comment-state, "
				+ "/problems/edit-window-closed");
		PROBLEMS.put("413", "/problems/payload-too-large");
		PROBLEMS.put("422", "/problems/validation, /problems/idempotency-key-reused");
		PROBLEMS.put("429", "/problems/rate-limited (with Retry-After)");
		PROBLEMS.put("503", "/problems/upstream-unavailable (with Retry-After)");
	}

	@Bean
	OpenAPI commentServiceOpenApi() {
		return ServiceApiDocument.document("comment-service",
				"Reader comments: threads, posting, reactions, counts, live stream, moderation.", PROBLEMS);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceApiDocument.problemResponses(PROBLEMS);
	}

}
