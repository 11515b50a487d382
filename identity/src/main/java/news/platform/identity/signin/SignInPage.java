package news.platform.identity.signin;

import news.platform.identity.web.PageContext.Csrf;
import news.platform.identity.web.Texts;

/**
 * The sign-in form. {@code failed}: the last attempt was refused (one message for every reason);
 * {@code registered}: the account was just opened; {@code signedOut}: the person just signed out.
 */
public record SignInPage(Texts t, Csrf csrf, boolean failed, boolean registered, boolean signedOut) {
}
