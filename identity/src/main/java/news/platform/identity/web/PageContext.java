package news.platform.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every page needs from its request: the texts in its language and the form's CSRF token. */
@Component
public class PageContext {

	private final MessageSource messages;

	public PageContext(MessageSource messages) {
		this.messages = messages;
	}

	public Texts texts(HttpServletRequest request) {
		return new Texts(this.messages, RequestContextUtils.getLocale(request));
	}

	/** The token Spring Security expects back from this session's forms; null where the chain has none. */
	public static Csrf csrf(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		return token instanceof CsrfToken csrf ? new Csrf(csrf.getParameterName(), csrf.getToken()) : null;
	}

	/** A form's hidden CSRF field. */
	public record Csrf(String parameterName, String token) {
	}

}
