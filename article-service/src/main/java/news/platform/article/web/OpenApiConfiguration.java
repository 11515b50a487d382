package news.platform.article.web;

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

	/** status → the problem types answered with it (type = /problems/<slug>). */
	static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", "/problems/unknown-field, /problems/invalid-value, /problems/operator-key, "
				+ "/problems/invalid-encoding, /problems/malformed-body, /problems/invalid-parameter");
		PROBLEMS.put("401", "/problems/unauthorized");
		PROBLEMS.put("403", "/problems/forbidden");
		PROBLEMS.put("404", "/problems/not-found");
		PROBLEMS.put("409", "/problems/slug-taken, /problems/illegal-transition");
		PROBLEMS.put("412", "/problems/stale-version");
		PROBLEMS.put("413", "/problems/payload-too-large");
		PROBLEMS.put("415", "/problems/unsupported-media-type");
		PROBLEMS.put("422", "/problems/validation");
		PROBLEMS.put("428", "/problems/precondition-required");
	}

	@Bean
	OpenAPI articleServiceOpenApi() {
		return ServiceApiDocument.document("article-service",
				"Articles: editing, workflow, revisions, reading and the event feed.", PROBLEMS);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceApiDocument.problemResponses(PROBLEMS);
	}

}
