package news.platform.comment.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import news.platform.comment.CommentProperties;
import news.platform.starter.observability.TraceIds;

/**
 * Comment bodies are small: a declared body over {@code comment.max-body-size} answers 413 before
 * anything reads it. (Operator-shaped JSON needs no filter here: every body binds to a record with
 * typed fields, and unknown fields are refused, so a {@code $} key or an object where text belongs
 * answers 400 before reaching a store.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	BodySizeFilter(CommentProperties properties, JsonMapper json) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "/problems/payload-too-large");
			problem.put("title", "Payload too large");
			problem.put("status", 413);
			problem.put("detail", "The request body exceeds " + this.maxBytes + " bytes.");
			problem.put("instance", request.getRequestURI());
			problem.put("errors", List.of(Map.of("field", "body", "message", "larger than " + this.maxBytes + " bytes")));
			problem.put("traceId", TraceIds.current(request));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			response.getOutputStream().write(this.json.writeValueAsBytes(problem));
			return;
		}
		chain.doFilter(request, response);
	}

}
