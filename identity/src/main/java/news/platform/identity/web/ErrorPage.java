package news.platform.identity.web;

/** The error page a person sees: what happened, by status, in their language. */
public record ErrorPage(Texts t, int status, String titleKey, String messageKey) {
}
