package news.platform.media.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
		StringBuilder description = new StringBuilder(
				"Media: upload, metadata, renditions, originals and usage. Errors are RFC 9457 "
						+ "application/problem+json with type, title, status, detail, instance, errors[{field, message}] "
						+ "and traceId. Problem types by status:\n\n");
		PROBLEMS.forEach((status, types) -> description.append("- ").append(status).append(": ").append(types).append('\n'));
		return new OpenAPI()
			.info(new Info().title("media-service").version("v1").description(description.toString()))
			.schemaRequirement("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
				.bearerFormat("JWT"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		ObjectSchema problem = new ObjectSchema();
		problem.addProperty("type", new StringSchema());
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("traceId", new StringSchema());
		return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
			for (Map.Entry<String, String> entry : PROBLEMS.entrySet()) {
				if (operation.getResponses() != null && !operation.getResponses().containsKey(entry.getKey())) {
					operation.getResponses()
						.addApiResponse(entry.getKey(),
								new ApiResponse().description("Problem: " + entry.getValue())
									.content(new Content().addMediaType("application/problem+json",
											new MediaType().schema(problem))));
				}
			}
		}));
	}

}
