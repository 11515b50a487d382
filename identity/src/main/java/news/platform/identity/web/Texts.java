package news.platform.identity.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The page's texts in the reader's language (Croatian first, English by {@code Accept-Language}),
 * from the message bundles: templates hold no text of their own.
 */
public final class Texts {

	private final MessageSource messages;

	private final Locale locale;

	public Texts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public String t(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	/** The page's {@code lang}: {@code hr} or {@code en}. */
	public String lang() {
		return this.locale.getLanguage();
	}

}
