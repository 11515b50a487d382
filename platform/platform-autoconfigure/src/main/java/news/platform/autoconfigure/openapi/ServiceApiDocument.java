package news.platform.autoconfigure.openapi;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import news.platform.autoconfigure.problem.ProblemType;

/**
 * The parts of every service's OpenAPI document that are the platform's, not the service's: the
 * bearer scheme and the RFC 9457 problem responses, listed per status with their types from the
 * catalogue ({@link ProblemType}): the common ones every service answers, plus the service's own.
 *
 * <pre>{@code
 * @Bean OpenAPI openApi() { return ServiceApiDocument.document("media-service", "Media: ...", OpenApiConfiguration.OWN_TYPES); }
 * @Bean OpenApiCustomizer problemResponses() { return ServiceApiDocument.problemResponses(OpenApiConfiguration.OWN_TYPES); }
 * }</pre>
 */
public final class ServiceApiDocument {

	private ServiceApiDocument() {
	}

	/** @param ownTypes the types this service answers beyond the common ones */
	public static OpenAPI document(String service, String summary, Collection<ProblemType> ownTypes) {
		StringBuilder description = new StringBuilder(summary).append(
				" Errors are RFC 9457 application/problem+json with type, title, status, detail, instance, "
						+ "errors[{field, message}] and traceId. Problem types by status:\n\n");
		byStatus(ownTypes)
			.forEach((status, types) -> description.append("- ").append(status).append(": ").append(types).append('\n'));
		return new OpenAPI().info(new Info().title(service).version("v1").description(description.toString()))
			.schemaRequirement("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/** Adds the problem responses to every operation that does not document that status itself. */
	public static OpenApiCustomizer problemResponses(Collection<ProblemType> ownTypes) {
		Map<String, String> byStatus = byStatus(ownTypes);
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema());
		error.addProperty("message", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.addProperty("type", new StringSchema());
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("traceId", new StringSchema());
		problem.addProperty("errors", new ArraySchema().items(error));
		return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
			for (Map.Entry<String, String> entry : byStatus.entrySet()) {
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

	/** The common types and {@code ownTypes}, by status: {@code "409" → "/problems/a, /problems/b"}. */
	static Map<String, String> byStatus(Collection<ProblemType> ownTypes) {
		Set<ProblemType> types = EnumSet.copyOf(ProblemType.commonTypes());
		types.addAll(ownTypes);
		return types.stream()
			.collect(Collectors.groupingBy(type -> String.valueOf(type.status().value()), TreeMap::new,
					Collectors.mapping(type -> type.uri().toString(), Collectors.joining(", "))));
	}

}
