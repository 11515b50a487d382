package news.platform.autoconfigure.web;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTest {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(new PlatformWebProperties(
			DataSize.ofBytes(10), Map.of("/api/v1/media/**", DataSize.ofBytes(100))));

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingReadsTheBody() throws Exception {
		MockHttpServletRequest request = post("/api/v1/articles", new byte[11]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).as("the body never reached anyone").isNull();
		assertTooLarge(response, 10);
	}

	@Test
	void aBodyWithoutALengthIsCountedWhileReadAndRefusedTheMomentItRunsOver() throws Exception {
		MockHttpServletRequest request = chunked("/api/v1/articles", new byte[64]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		int[] read = new int[1];

		this.filter.doFilter(request, response, (req, res) -> {
			var in = req.getInputStream();
			while (in.read() >= 0) {
				read[0]++;
			}
		});

		assertThat(read[0]).as("bytes handed on before the refusal").isEqualTo(10);
		assertTooLarge(response, 10);
	}

	@Test
	void aBodyWithinTheLimitPassesWhole() throws Exception {
		MockHttpServletRequest request = chunked("/api/v1/articles", "0123456789".getBytes());
		MockHttpServletResponse response = new MockHttpServletResponse();
		byte[][] body = new byte[1][];

		this.filter.doFilter(request, response, (req, res) -> body[0] = req.getInputStream().readAllBytes());

		assertThat(new String(body[0])).isEqualTo("0123456789");
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void aPathWithALimitOfItsOwnUsesIt() throws Exception {
		MockHttpServletResponse small = new MockHttpServletResponse();
		this.filter.doFilter(post("/api/v1/media/x", new byte[100]), small, new MockFilterChain());
		assertThat(small.getStatus()).isEqualTo(200);

		MockHttpServletResponse large = new MockHttpServletResponse();
		this.filter.doFilter(post("/api/v1/media/x", new byte[101]), large, new MockFilterChain());
		assertTooLarge(large, 100);
	}

	@Test
	void aBrowsersFormOverTheLimitGetsTheApplicationsErrorPage() throws Exception {
		MockHttpServletRequest request = post("/signup", new byte[11]);
		request.addHeader("Accept", "text/html,application/xhtml+xml");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getErrorMessage()).isNull();
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getContentAsString()).isEmpty();
	}

	@Test
	void requestsWithoutABodyPassUntouched() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles");
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isSameAs(request);
	}

	private static void assertTooLarge(MockHttpServletResponse response, long limit) throws IOException {
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		assertThat(response.getContentAsString()).contains("\"type\":\"/problems/payload-too-large\"")
			.contains("\"field\":\"body\"")
			.contains("larger than " + limit + " bytes")
			.contains("\"traceId\":");
	}

	private static MockHttpServletRequest post(String path, byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContent(body);
		request.setContentType("application/json");
		return request;
	}

	/** Chunked: the body is there, its length is not declared. */
	private static MockHttpServletRequest chunked(String path, byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
		request.setContent(body);
		request.addHeader("Transfer-Encoding", "chunked");
		return request;
	}


}
