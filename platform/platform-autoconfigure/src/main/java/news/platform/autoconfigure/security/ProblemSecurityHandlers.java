package news.platform.autoconfigure.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.Problems;

/**
 * 401 and 403 from the security filters, as problem+json like every other error. The bearer
 * handlers still set {@code WWW-Authenticate} as RFC 6750 asks.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		write(response, Problems.of(ProblemType.UNAUTHORIZED,
				"A valid bearer token is required for this request.", request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerDeniedHandler.handle(request, response, accessDeniedException);
		write(response, Problems.of(ProblemType.FORBIDDEN,
				"Your role does not allow this request.", request));
	}

	private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Problems.write(problem, response);
	}

}
