package news.platform.article.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.Problems;
import news.platform.autoconfigure.web.RequestBodyLimitFilter;

/**
 * Checks every JSON request body before anything binds it: valid UTF-8 (400 invalid-encoding), and
 * no key that MongoDB could take as an operator or a path ({@code $…} or containing {@code .}, 400
 * operator-key naming the key, wherever it sits). Nothing is written for a refused body.
 *
 * <p>It runs right after the shared request-body limit ({@link RequestBodyLimitFilter}), which
 * bounds what this filter buffers: a body over {@code platform.web.max-body-size} fails the read
 * here and the limit filter answers 413, with or without a Content-Length.
 */
@Component
@Order(JsonBodyGuard.ORDER)
class JsonBodyGuard extends OncePerRequestFilter {

	static final int ORDER = RequestBodyLimitFilter.ORDER + 1;

	private final JsonMapper json;

	JsonBodyGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
				|| !isJson(request.getContentType());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// bounded: the limit filter's stream refuses to read past the limit
		byte[] body = request.getInputStream().readAllBytes();
		if (body.length > 0) {
			if (!validUtf8(body)) {
				Problems.write(new ApiProblem(ProblemType.INVALID_ENCODING, "The request body is not valid UTF-8.")
					.withFieldError("body", "not valid UTF-8"), request, response);
				return;
			}
			String badKey = operatorKey(body);
			if (badKey != null) {
				Problems.write(new ApiProblem(ProblemType.OPERATOR_KEY,
						"The key '" + badKey + "' starts with '$' or contains '.'; such keys are never accepted.")
					.withFieldError(badKey, "keys may not start with '$' or contain '.'"), request, response);
				return;
			}
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("application/json") || type.contains("+json");
	}

	static boolean validUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The JSON path of the first key shaped like an operator, or null; malformed JSON is MVC's to report. */
	String operatorKey(byte[] body) {
		try (JsonParser parser = this.json.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					if (name.startsWith("$") || name.contains(".")) {
						return pathOf(parser, name);
					}
				}
			}
		}
		catch (JacksonException ex) {
			return null;
		}
		return null;
	}

	private static String pathOf(JsonParser parser, String name) {
		StringBuilder path = new StringBuilder();
		var context = parser.streamReadContext().getParent();
		List<String> parts = new ArrayList<>();
		while (context != null && !context.inRoot()) {
			if (context.inArray()) {
				parts.add(0, "[" + context.getCurrentIndex() + "]");
			}
			else if (context.currentName() != null) {
				parts.add(0, "." + context.currentName());
			}
			context = context.getParent();
		}
		parts.forEach(path::append);
		path.append('.').append(name);
		return path.charAt(0) == '.' ? path.substring(1) : path.toString();
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
