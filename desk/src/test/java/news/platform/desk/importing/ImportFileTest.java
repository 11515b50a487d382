package news.platform.desk.importing;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape check of an uploaded ninjs file, before anything is sent to article-service. */
class ImportFileTest {

	@Test
	void oneItemIsSentAsNinjsAndOpensAsADraft() {
		ImportFile file = check("{\"uri\": \"urn:a\", \"type\": \"text\"}");

		assertThat(file.problem()).isNull();
		assertThat(file.contentType()).isEqualTo("application/ninjs+json");
		assertThat(file.batch()).isFalse();
	}

	@Test
	void anArrayAndNdjsonAreBatches() {
		ImportFile array = check("[{\"uri\": \"urn:a\"}, {\"uri\": \"urn:b\"}]");
		ImportFile lines = check("{\"uri\": \"urn:a\"}\n\n{\"uri\": \"urn:b\"}\r\n{\"uri\": \"urn:c\"}\n");

		assertThat(array.contentType()).isEqualTo("application/ninjs+json");
		assertThat(array.items()).isEqualTo(2);
		assertThat(array.batch()).isTrue();
		assertThat(lines.contentType()).isEqualTo("application/x-ndjson");
		assertThat(lines.items()).isEqualTo(3);
		assertThat(lines.batch()).isTrue();
	}

	@Test
	void badFilesAreRefusedByName() {
		assertThat(check("ovo nije JSON").problem()).isEqualTo("import.problem.not-json");
		assertThat(check("\"a string\"").problem()).isEqualTo("import.problem.not-json");
		assertThat(check("{\"uri\": \"urn:a\"}\nnot json").problem()).isEqualTo("import.problem.not-json");
		assertThat(check("[1, 2").problem()).isEqualTo("import.problem.not-json");
		assertThat(check("   \n").problem()).isEqualTo("import.problem.empty-file");
		assertThat(check("[]").problem()).isEqualTo("import.problem.empty-file");
		assertThat(ImportFile.check(new byte[] { (byte) 0xC3, (byte) 0x28 }).problem())
			.isEqualTo("import.problem.not-json");
	}

	@Test
	void moreThanAHundredItemsAreRefusedInEitherShape() {
		String item = "{\"uri\": \"urn:x\"}";
		String array = IntStream.range(0, 101).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));
		String lines = IntStream.range(0, 101).mapToObj(i -> item).collect(Collectors.joining("\n"));
		String hundred = IntStream.range(0, 100).mapToObj(i -> item).collect(Collectors.joining("\n"));

		assertThat(check(array).problem()).isEqualTo("import.problem.too-many");
		assertThat(check(lines).problem()).isEqualTo("import.problem.too-many");
		assertThat(check(hundred).problem()).isNull();
	}

	private static ImportFile check(String text) {
		return ImportFile.check(text.getBytes(StandardCharsets.UTF_8));
	}

}
