package news.platform.comment.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import news.platform.starter.problem.Problems;

/** The starter's problem shape, plus the {@code Retry-After} header the starter's handler cannot add. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryLaterAdvice {

	@ExceptionHandler(RetryLater.class)
	ResponseEntity<ProblemDetail> retryLater(RetryLater refusal, HttpServletRequest request) {
		ProblemDetail body = Problems.of(refusal.status(), refusal.slug(), refusal.title(), refusal.getMessage(),
				request);
		body.setProperty("retryAfterSeconds", refusal.retryAfterSeconds());
		return ResponseEntity.status(refusal.status())
			.header("Retry-After", Long.toString(refusal.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

}
