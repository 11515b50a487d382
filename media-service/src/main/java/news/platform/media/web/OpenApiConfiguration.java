package news.platform.media.web;

import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.openapi.ServiceApiDocument;
import news.platform.autoconfigure.problem.ProblemType;

/** The service's OpenAPI document at /v3/api-docs, with the problem types every endpoint may answer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The catalogue's types media-service answers beyond the common ones (README: Problem types). */
	static final Set<ProblemType> OWN_TYPES = EnumSet.of(ProblemType.EMPTY_UPLOAD, ProblemType.CORRUPT_IMAGE,
			ProblemType.TOO_MANY_PIXELS, ProblemType.SIGNATURE_REQUIRED, ProblemType.INVALID_SIGNATURE,
			ProblemType.MEDIA_IN_USE, ProblemType.PRECONDITION_REQUIRED, ProblemType.STALE_VERSION, ProblemType.BUSY,
			ProblemType.UPSTREAM_UNAVAILABLE, ProblemType.UPSTREAM_TIMEOUT);

	@Bean
	OpenAPI mediaServiceOpenApi() {
		return ServiceApiDocument.document("media-service", "Media: upload, metadata, renditions, originals and usage.",
				OWN_TYPES);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceApiDocument.problemResponses(OWN_TYPES);
	}

}
