package news.platform.desk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the desk shows exists in Croatian and in English: a key missing in one fails here. */
class MessageBundlesTest {

	@Test
	void croatianAndEnglishHaveTheSameKeys() throws IOException {
		Properties croatian = load("/messages.properties");
		Properties english = load("/messages_en.properties");

		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(croatian.stringPropertyNames());
		assertThat(croatian.stringPropertyNames()).allSatisfy(key -> assertThat(croatian.getProperty(key)).isNotBlank());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
