package news.platform.media.web;

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
		PROBLEMS.put("400", "/problems/unknown-field, /problems/invalid-value, /problems/malformed-body, "
				+ "/problems/invalid-parameter, /problems/empty-upload, /problems/corrupt-image, "
				+ "/problems/signature-required, /problems/invalid-signature");
		PROBLEMS.put("401", "/problems/unauthorized");
		PROBLEMS.put("403", "/problems/forbidden");
		PROBLEMS.put("404", "/problems/not-found");
		PROBLEMS.put("409", "/problems/media-in-use");
		PROBLEMS.put("412", "/problems/stale-version");
		PROBLEMS.put("413", "/problems/payload-too-large, /problems/too-many-pixels");
		PROBLEMS.put("415", "/problems/unsupported-media-type");
		PROBLEMS.put("422", "/problems/validation");
		PROBLEMS.put("428", "/problems/precondition-required");
		PROBLEMS.put("503", "/problems/busy");
	}

	@Bean
	OpenAPI mediaServiceOpenApi() {
		return ServiceApiDocument.document("media-service", "Media: upload, metadata, renditions, originals and usage.",
				PROBLEMS);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceApiDocument.problemResponses(PROBLEMS);
	}

}
