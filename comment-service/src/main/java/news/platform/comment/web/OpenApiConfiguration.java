package news.platform.comment.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's OpenAPI document at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI commentServiceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("comment-service")
				.version("v1")
				.description("Reader comments: threads, posting, reactions, counts, live stream, moderation. Errors are "
						+ "RFC 9457 application/problem+json with type, title, status, detail, instance, "
						+ "errors[{field, message}] and traceId; the module README lists the problem types. "
						+ "429 and 503 carry Retry-After."))
			.schemaRequirement("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
