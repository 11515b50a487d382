package news.platform.desk.story;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's cleaning of the editor's HTML: only bold, italic and safe links survive. */
class RichTextHtmlTest {

	@Test
	void aPasteFromAWebPageKeepsLinksAndEmphasisAndDropsTheRest() {
		RichTextHtml.Formatted formatted = RichTextHtml.parse("""
				<p style="color:red" onclick="steal()">Čačak <b>je <strong>objavio</strong></b>
				<script>alert(1)</script><iframe src="https://evil.example"></iframe>
				<a href="https://cacak.rs/izvjesce" onmouseover="x()">izvješće</a> o <em>mostu</em> 😀.</p>
				<style>p{}</style><img src=x onerror=alert(1)>""");

		assertThat(formatted.text()).isEqualTo("Čačak je objavio izvješće o mostu 😀.");
		assertThat(formatted.refusedLink()).isFalse();
		assertThat(formatted.marks()).containsExactly(new RichTextHtml.Mark("bold", 6, 16, null, null),
				new RichTextHtml.Mark("link", 17, 25, "https://cacak.rs/izvjesce", null),
				new RichTextHtml.Mark("italic", 28, 33, null, null));
	}

	@Test
	void aJavascriptLinkIsRefusedNotKept() {
		RichTextHtml.Formatted formatted = RichTextHtml.parse("Klikni <a href=\"javascript:alert(1)\">ovdje</a>");

		assertThat(formatted.refusedLink()).isTrue();
		assertThat(formatted.text()).isEqualTo("Klikni ovdje");
		assertThat(formatted.marks()).isEmpty();
	}

	@Test
	void marksBecomeHtmlAndComeBackTheSame() {
		List<RichTextHtml.Mark> marks = List.of(new RichTextHtml.Mark("bold", 0, 5, null, null),
				new RichTextHtml.Mark("italic", 3, 12, null, null),
				new RichTextHtml.Mark("link", 17, 25, "https://cacak.rs/a?b=1&c=2", null),
				new RichTextHtml.Mark("link", 28, 33, null, "665f1c2e9b1e4a0012345678"));
		String text = "Čačak je objavio izvješće o mostu.";

		String html = RichTextHtml.html(text, marks);
		RichTextHtml.Formatted back = RichTextHtml.parse(html);

		assertThat(html).contains("href=\"https://cacak.rs/a?b=1&amp;c=2\"");
		assertThat(back.text()).isEqualTo(text);
		assertThat(back.marks()).containsExactlyInAnyOrderElementsOf(marks);
	}

}
