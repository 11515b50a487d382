package news.platform.autoconfigure.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.RequestBodyTooLargeException;
import news.platform.autoconfigure.problem.Problems;

/**
 * One request-body limit for every servlet service: a declared {@code Content-Length} over the
 * limit answers 413 before anything reads the body, and a body without one (chunked) or with a
 * false one is counted while it is read and refused the moment it runs over. Nothing is buffered,
 * so a streamed upload stays streamed. Requests without a body pass untouched.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Runs before anything may read a body (Spring Security's chain sits at -100). */
	public static final int ORDER = Integer.MIN_VALUE + 20;

	private final long defaultLimit;

	private final List<Map.Entry<PathPattern, Long>> pathLimits;

	public RequestBodyLimitFilter(PlatformWebProperties properties) {
		this.defaultLimit = properties.maxBodySize().toBytes();
		this.pathLimits = properties.bodyLimits()
			.entrySet()
			.stream()
			.map(entry -> Map.entry(PathPatternParser.defaultInstance.parse(entry.getKey()),
					entry.getValue().toBytes()))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(request, response);
			return;
		}
		long limit = limitFor(request);
		if (declared > limit) {
			refuse(new RequestBodyTooLargeException(limit), request, response);
			return;
		}
		try {
			chain.doFilter(new LimitedBodyRequest(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
			if (tooLarge == null || response.isCommitted()) {
				throw ex;
			}
			// a filter after this one read past the limit; MVC's own reads are answered by the advice
			response.reset();
			refuse(tooLarge, request, response);
		}
	}

	long limitFor(HttpServletRequest request) {
		if (this.pathLimits.isEmpty()) {
			return this.defaultLimit;
		}
		var path = ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
		for (Map.Entry<PathPattern, Long> entry : this.pathLimits) {
			if (entry.getKey().matches(path)) {
				return entry.getValue();
			}
		}
		return this.defaultLimit;
	}

	private static void refuse(RequestBodyTooLargeException tooLarge, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		// the rest of the body is not read; closing stops the client from sending it
		response.setHeader(HttpHeaders.CONNECTION, "close");
		if (wantsPage(request)) {
			// a browser's form: the application's own error page says it, in the reader's language
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		Problems.write(new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage()).withFieldError("body",
				"larger than " + tooLarge.limit() + " bytes"), request, response);
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html");
	}

	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream limited;

		LimitedBodyRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new CountingInputStream(super.getInputStream(), this.limit);
			}
			return this.limited;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingInputStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int read) throws RequestBodyTooLargeException {
			this.count += read;
			if (this.count > this.limit) {
				throw new RequestBodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
