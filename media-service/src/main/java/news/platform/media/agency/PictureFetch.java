package news.platform.media.agency;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Fetches an agency's picture by URL without letting the URL reach inside the platform (SSRF).
 *
 * <p>Each hop (the first URL and every redirect) is checked the same way: {@code http} or
 * {@code https} only, no user info, the name resolved here and every address it resolves to must be
 * public ({@link Addresses}); then the connection is opened to that checked address itself, so a
 * name that resolves differently a moment later (DNS rebinding) cannot move it. For https the TLS
 * handshake still verifies the certificate against the name (SNI and endpoint identification).
 * Redirects are followed by this code, never by a library, so no hop escapes the check.
 *
 * <p>Why not the JDK's {@code HttpClient}: it resolves names itself and offers no way to connect
 * to an address chosen beforehand on Java 17 (the resolver SPI of JDK 18 is JVM-wide), so the
 * check and the connection could see different addresses. One {@code GET} over HTTP/1.1 with
 * {@code Connection: close} is small enough to speak directly: a status line, headers, and a body
 * delimited by {@code Content-Length}, chunked encoding or the end of the connection.
 *
 * <p>Limits: the connect time per hop, one deadline for the whole fetch (every read is bounded by
 * what is left of it), the size (counted while reading, whatever {@code Content-Length} says), and
 * the content type ({@code image/jpeg}, {@code image/png}, {@code image/webp}, {@code image/gif};
 * the upload then checks the bytes themselves).
 */
final class PictureFetch {

	static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

	private static final int MAX_HEADER_BYTES = 32 * 1024;

	/** Resolves a host name; tests may replace it. */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final Resolver resolver;

	private final Set<String> testAllowed;

	private final int connectTimeoutMillis;

	private final long timeoutNanos;

	private final int maxRedirects;

	private final long maxBytes;

	PictureFetch(Resolver resolver, List<String> testAllowed, int connectTimeoutMillis, long timeoutNanos,
			int maxRedirects, long maxBytes) {
		this.resolver = resolver;
		this.testAllowed = Set.copyOf(testAllowed);
		this.connectTimeoutMillis = connectTimeoutMillis;
		this.timeoutNanos = timeoutNanos;
		this.maxRedirects = maxRedirects;
		this.maxBytes = maxBytes;
	}

	/** A fetched picture: read {@link #body()} (bounded by the limits), then close. */
	record Fetched(String contentType, long contentLength, String fileName, InputStream body, Closeable connection)
			implements Closeable {

		@Override
		public void close() throws IOException {
			this.connection.close();
		}

	}

	/**
	 * @throws ApiProblem naming {@code url}: 400 for a URL that is not http(s), 422 for an address
	 * that is not public (no request made), 503/504 when the agency does not answer usably, 413
	 * and 415 for a picture too large or of another type
	 */
	Fetched fetch(String url) {
		long deadline = System.nanoTime() + this.timeoutNanos;
		URI uri = parse(url);
		for (int hop = 0;; hop++) {
			String host = host(uri, hop);
			InetAddress address = checkedAddress(host, hop);
			Exchange exchange = open(uri, host, address, deadline);
			int status = exchange.status();
			if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
				String location = exchange.headers().get("location");
				exchange.closeQuietly();
				if (location == null) {
					throw upstream("the agency answered " + status + " without a Location");
				}
				if (hop >= this.maxRedirects) {
					throw problem(ProblemType.VALIDATION, "more than " + this.maxRedirects + " redirects");
				}
				uri = uri.resolve(location.strip());
				continue;
			}
			if (status != 200) {
				exchange.closeQuietly();
				throw upstream("the agency answered " + status);
			}
			String contentType = exchange.headers().getOrDefault("content-type", "").split(";")[0].strip()
				.toLowerCase(Locale.ROOT);
			if (!TYPES.contains(contentType)) {
				exchange.closeQuietly();
				throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
						"The picture's Content-Type is '" + contentType + "', not a JPEG, PNG, WebP or GIF image.")
					.withFieldError("url", "not an image (" + (contentType.isEmpty() ? "no type" : contentType) + ")");
			}
			long length = contentLength(exchange.headers());
			if (length > this.maxBytes) {
				exchange.closeQuietly();
				throw tooLarge();
			}
			return new Fetched(contentType, length, fileName(uri), exchange.body(), exchange.socket());
		}
	}

	private URI parse(String url) {
		try {
			return new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new ApiProblem(ProblemType.INVALID_VALUE, "The picture URL is not a URL: " + ex.getReason())
				.withFieldError("url", "not a URL");
		}
	}

	private String host(URI uri, int hop) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String where = hop == 0 ? "" : " (redirect " + hop + ")";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new ApiProblem(ProblemType.INVALID_VALUE, "Only http and https pictures are fetched" + where
					+ ", not '" + (scheme.isEmpty() ? uri : scheme) + "'.")
				.withFieldError("url", "not http(s)" + where);
		}
		if (uri.getRawUserInfo() != null) {
			throw new ApiProblem(ProblemType.INVALID_VALUE, "A picture URL with user info is not fetched" + where + ".")
				.withFieldError("url", "user info not allowed" + where);
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new ApiProblem(ProblemType.INVALID_VALUE, "The picture URL has no host" + where + ".")
				.withFieldError("url", "no host" + where);
		}
		return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * Every address the name resolves to must be public (one private answer among public ones is
	 * refused as well: the name is not trustworthy); the first is the one connected to.
	 */
	private InetAddress checkedAddress(String host, int hop) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(IDN.toASCII(host));
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			throw problem(ProblemType.VALIDATION, "the host '" + host + "' does not resolve" + hopNote(hop));
		}
		if (addresses.length == 0) {
			throw problem(ProblemType.VALIDATION, "the host '" + host + "' does not resolve" + hopNote(hop));
		}
		for (InetAddress address : addresses) {
			if (Addresses.forbidden(address) && !this.testAllowed.contains(address.getHostAddress())) {
				throw problem(ProblemType.VALIDATION, "'" + host + "' resolves to " + address.getHostAddress()
						+ ", a loopback, link-local, private or otherwise non-public address; not fetched"
						+ hopNote(hop));
			}
		}
		return addresses[0];
	}

	private Exchange open(URI uri, String host, InetAddress address, long deadline) {
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		int port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(address, port), this.connectTimeoutMillis);
			Socket channel = socket;
			if (https) {
				SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host,
						port, true);
				SSLParameters parameters = tls.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
					parameters.setServerNames(List.of(new SNIHostName(host)));
				}
				tls.setSSLParameters(parameters);
				setTimeout(tls, deadline);
				tls.startHandshake();
				channel = tls;
			}
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			if (uri.getRawQuery() != null) {
				path += "?" + uri.getRawQuery();
			}
			String hostHeader = (host.contains(":") ? "[" + host + "]" : host)
					+ (uri.getPort() > 0 ? ":" + uri.getPort() : "");
			String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: news-platform-media\r\n"
					+ "Accept: image/jpeg, image/png, image/webp, image/gif\r\nAccept-Encoding: identity\r\n"
					+ "Connection: close\r\n\r\n";
			OutputStream out = channel.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = new DeadlineInputStream(channel.getInputStream(), channel, deadline);
			int status = statusLine(readLine(in));
			Map<String, String> headers = new LinkedHashMap<>();
			int headerBytes = 0;
			for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
				headerBytes += line.length();
				if (headerBytes > MAX_HEADER_BYTES) {
					throw new IOException("response headers over " + MAX_HEADER_BYTES + " bytes");
				}
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
							line.substring(colon + 1).strip());
				}
			}
			InputStream body = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "")) ? new Chunked(in)
					: in;
			long length = contentLength(headers);
			if (length >= 0 && !(body instanceof Chunked)) {
				body = new Exactly(body, length);
			}
			return new Exchange(status, headers, new AtMost(body), socket);
		}
		catch (SocketTimeoutException ex) {
			closeQuietly(socket);
			throw new ApiProblem(ProblemType.UPSTREAM_TIMEOUT, "The agency did not answer in time.")
				.withFieldError("url", "timed out");
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw upstream("could not fetch it: " + ex.getMessage());
		}
	}

	private static int statusLine(String line) throws IOException {
		String[] parts = line.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP/1.x answer");
		}
		try {
			return Integer.parseInt(parts[1]);
		}
		catch (NumberFormatException ex) {
			throw new IOException("not an HTTP status");
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
			if (line.size() > MAX_HEADER_BYTES) {
				throw new IOException("header line too long");
			}
		}
		if (b == -1 && line.size() == 0) {
			throw new IOException("connection closed before the headers ended");
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static long contentLength(Map<String, String> headers) {
		try {
			String value = headers.get("content-length");
			return value == null ? -1 : Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String fileName(URI uri) {
		String path = uri.getPath();
		if (path == null) {
			return null;
		}
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.isBlank() ? null : name;
	}

	private static void setTimeout(Socket socket, long deadline) throws IOException {
		long left = (deadline - System.nanoTime()) / 1_000_000;
		if (left <= 0) {
			throw new SocketTimeoutException("deadline passed");
		}
		socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
	}

	private static String hopNote(int hop) {
		return hop == 0 ? "" : " (redirect " + hop + ")";
	}

	private static ApiProblem problem(ProblemType type, String message) {
		return new ApiProblem(type, "The picture URL is refused: " + message + ".").withFieldError("url", message);
	}

	private static ApiProblem upstream(String message) {
		return new ApiProblem(ProblemType.UPSTREAM_UNAVAILABLE, "The agency's picture could not be fetched: " + message
				+ ".").withFieldError("url", message);
	}

	private ApiProblem tooLarge() {
		return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The picture is larger than " + this.maxBytes + " bytes.")
			.withFieldError("url", "larger than " + this.maxBytes + " bytes");
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// nothing more to do with a connection given up
		}
	}

	private record Exchange(int status, Map<String, String> headers, InputStream body, Socket socket) {

		void closeQuietly() {
			PictureFetch.closeQuietly(this.socket);
		}

	}

	/** Every read bounded by what is left of the fetch's deadline, so a slow drip cannot hold it. */
	private static final class DeadlineInputStream extends FilterInputStream {

		private final Socket socket;

		private final long deadline;

		DeadlineInputStream(InputStream in, Socket socket, long deadline) {
			super(in);
			this.socket = socket;
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			setTimeout(this.socket, this.deadline);
			return super.read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			setTimeout(this.socket, this.deadline);
			return super.read(b, off, len);
		}

	}

	/** The body as {@code Content-Length} says: no more, and a short body is an error. */
	private static final class Exactly extends FilterInputStream {

		private long left;

		Exactly(InputStream in, long length) {
			super(in);
			this.left = length;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = super.read(b, off, (int) Math.min(len, this.left));
			if (n == -1) {
				throw new IOException("the body ended before its Content-Length");
			}
			this.left -= n;
			return n;
		}

	}

	/** More bytes than allowed is an error while reading, whatever the headers said. */
	private final class AtMost extends FilterInputStream {

		private long read;

		AtMost(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n;
			try {
				n = super.read(b, off, len);
			}
			catch (SocketTimeoutException ex) {
				throw new ApiProblem(ProblemType.UPSTREAM_TIMEOUT, "The agency did not send the picture in time.")
					.withFieldError("url", "timed out");
			}
			if (n > 0) {
				this.read += n;
				if (this.read > PictureFetch.this.maxBytes) {
					throw tooLarge();
				}
			}
			return n;
		}

	}

	/** {@code Transfer-Encoding: chunked}. */
	private static final class Chunked extends InputStream {

		private final InputStream in;

		private long left;

		private boolean done;

		Chunked(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.done) {
				return -1;
			}
			if (this.left == 0) {
				String size = readLine(this.in);
				int semicolon = size.indexOf(';');
				try {
					this.left = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
				}
				catch (NumberFormatException ex) {
					throw new IOException("bad chunk size");
				}
				if (this.left == 0) {
					this.done = true;
					return -1;
				}
			}
			int n = this.in.read(b, off, (int) Math.min(len, this.left));
			if (n == -1) {
				throw new IOException("the body ended inside a chunk");
			}
			this.left -= n;
			if (this.left == 0) {
				readLine(this.in);
			}
			return n;
		}

	}

}
