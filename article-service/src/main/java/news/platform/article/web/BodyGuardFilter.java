package news.platform.article.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import news.platform.article.article.ArticleProperties;
import news.platform.starter.observability.TraceIds;

/**
 * Checks every request body before anything reads it: at most the configured size (413, decided
 * from Content-Length or by counting, never by buffering more), and for JSON valid UTF-8 (400) with
 * no key that MongoDB could take as an operator or a path ({@code $…} or containing {@code .}, 400
 * naming the key). Nothing is written for a refused body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodyGuardFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	BodyGuardFilter(ArticleProperties properties, JsonMapper json) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			tooLarge(request, response);
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), this.maxBytes);
		if (body == null) {
			tooLarge(request, response);
			return;
		}
		if (isJson(request.getContentType()) && body.length > 0) {
			if (!validUtf8(body)) {
				problem(request, response, HttpStatus.BAD_REQUEST, "invalid-encoding", "Invalid encoding",
						"The request body is not valid UTF-8.", "body", "not valid UTF-8");
				return;
			}
			String badKey = operatorKey(body);
			if (badKey != null) {
				problem(request, response, HttpStatus.BAD_REQUEST, "operator-key", "Key not allowed",
						"The key '" + badKey + "' starts with '$' or contains '.'; such keys are never accepted.",
						badKey, "keys may not start with '$' or contain '.'");
				return;
			}
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(java.util.Locale.ROOT);
		return type.startsWith("application/json") || type.contains("+json");
	}

	/** Null when the stream holds more than {@code max} bytes. */
	private static byte[] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > max) {
				return null;
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
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
		Deque<String> path = new ArrayDeque<>();
		Deque<Integer> indexes = new ArrayDeque<>();
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
		List<String> parts = new java.util.ArrayList<>();
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

	private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body exceeds " + this.maxBytes + " bytes.", "body", "larger than " + this.maxBytes
						+ " bytes");
		// the rest of the body is not read; closing stops the client from sending it
		response.setHeader("Connection", "close");
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String title, String detail, String field, String message) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "/problems/" + slug);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("errors", List.of(Map.of("field", field, "message", message)));
		problem.put("traceId", TraceIds.current(request));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
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
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
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
