package news.platform.starter.openapi;

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

/**
 * The parts of every service's OpenAPI document that are the platform's, not the service's: the
 * bearer scheme and the RFC 9457 problem responses, listed per status with their types. A service
 * declares its own title, summary and problem types:
 *
 * <pre>{@code
 * @Bean OpenAPI openApi() { return ServiceApiDocument.document("media-service", "Media: ...", PROBLEMS); }
 * @Bean OpenApiCustomizer problemResponses() { return ServiceApiDocument.problemResponses(PROBLEMS); }
 * }</pre>
 */
public final class ServiceApiDocument {

	private ServiceApiDocument() {
	}

	/** @param problemsByStatus status → the problem types answered with it ({@code /problems/<slug>, ...}) */
	public static OpenAPI document(String service, String summary, Map<String, String> problemsByStatus) {
		StringBuilder description = new StringBuilder(summary).append(
				" Errors are RFC 9457 application/problem+json with type, title, status, detail, instance, "
						+ "errors[{field, message}] and traceId. Problem types by status:\n\n");
		problemsByStatus
			.forEach((status, types) -> description.append("- ").append(status).append(": ").append(types).append('\n'));
		return new OpenAPI().info(new Info().title(service).version("v1").description(description.toString()))
			.schemaRequirement("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/** Adds the problem responses to every operation that does not document that status itself. */
	public static OpenApiCustomizer problemResponses(Map<String, String> problemsByStatus) {
		ObjectSchema problem = new ObjectSchema();
		problem.addProperty("type", new StringSchema());
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("traceId", new StringSchema());
		return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
			for (Map.Entry<String, String> entry : problemsByStatus.entrySet()) {
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
