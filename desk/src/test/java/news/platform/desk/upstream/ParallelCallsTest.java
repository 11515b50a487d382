package news.platform.desk.upstream;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelCallsTest {

	private final ParallelCalls parallel = new ParallelCalls(4);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
		this.parallel.destroy();
	}

	@Test
	void callsRunAtOnceSeeTheRequestsPersonAndRequestAndAnswerInTheOrderGiven() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("ana", null));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/desk/");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		// each call waits for all three to have started: they finish only if they run at once
		CountDownLatch started = new CountDownLatch(3);
		Supplier<String> call = () -> {
			started.countDown();
			try {
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
			return SecurityContextHolder.getContext().getAuthentication().getName() + " "
					+ attributes.getRequest().getRequestURI() + " " + Thread.currentThread().getName().startsWith("desk-calls-");
		};
		List<String> answers = this.parallel.all(List.of(call, () -> "drugi", call, call));
		assertThat(answers).containsExactly("ana /desk/ true", "drugi", "ana /desk/ true", "ana /desk/ true");
	}

	@Test
	void theFirstFailureIsThrownAsItWasAfterEveryCallFinished() {
		CountDownLatch slowDone = new CountDownLatch(1);
		List<Supplier<String>> calls = List.of(() -> {
			throw new ServiceUnavailable("article-service", new IllegalStateException("down"));
		}, () -> {
			slowDone.countDown();
			return "kasni";
		});
		assertThatThrownBy(() -> this.parallel.all(calls)).isInstanceOf(ServiceUnavailable.class);
		assertThat(slowDone.getCount()).isZero();
	}

}
