package news.platform.comment.web;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes user text as a JSON string that also escapes {@code < > & ' /} as {@code \\uXXXX}: the
 * text is stored exactly as typed, and even a client that pastes a response into HTML unescaped,
 * or a sniffing browser, never sees markup.
 */
public final class HtmlSafeString extends ValueSerializer<String> {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	@Override
	public void serialize(String value, JsonGenerator generator, SerializationContext context) {
		generator.writeRawValue(quote(value));
	}

	public static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 16).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '/' || c == 0x2028
							|| c == 0x2029) {
						out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
							.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
