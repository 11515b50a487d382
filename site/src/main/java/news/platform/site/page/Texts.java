package news.platform.site.page;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A page's texts in its language, from the message bundles ({@code messages.properties} is
 * Croatian, {@code messages_en.properties} English): templates and Java hold no text of their own.
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

	public Locale locale() {
		return this.locale;
	}

}
