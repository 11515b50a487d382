package news.platform.desk.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

import news.platform.desk.signin.SignedInPerson;

/** What every page needs from its request: texts in the person's language, who they are, the CSRF token. */
@Component
public class PageContext {

	private final MessageSource messages;

	public PageContext(MessageSource messages) {
		this.messages = messages;
	}

	public Page page(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		Csrf csrf = token instanceof CsrfToken value ? new Csrf(value.getParameterName(), value.getHeaderName(),
				value.getToken()) : null;
		return new Page(new Texts(this.messages, RequestContextUtils.getLocale(request)),
				SignedInPerson.of(SecurityContextHolder.getContext().getAuthentication()), csrf,
				request.getContextPath());
	}

	/**
	 * @param t the texts
	 * @param person who is signed in, or null (an error page before sign-in)
	 * @param csrf the token forms and htmx requests send back; null where the chain has none
	 * @param base the context path ({@code /desk}) links start with
	 */
	public record Page(Texts t, SignedInPerson person, Csrf csrf, String base) {

		/** htmx sends the token as a header on every request ({@code hx-headers} on the body). */
		public String htmxHeaders() {
			return this.csrf == null ? "{}" : "{\"" + this.csrf.headerName() + "\": \"" + this.csrf.token() + "\"}";
		}

	}

	/** A form's hidden CSRF field, and the header htmx sends it in. */
	public record Csrf(String parameterName, String headerName, String token) {
	}

}
