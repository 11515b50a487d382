package news.platform.article.ninjs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import news.platform.article.importing.ImportedDraft;
import news.platform.article.story.Block;
import news.platform.article.story.Mark;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NinjsMapperTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant CREATED = Instant.parse("2026-11-24T07:00:00Z");

	@Test
	void exportOfARichArticleIsValidNinjs21() {
		ObjectNode ninjs = NinjsMapper.toNinjs(richArticle());

		assertThat(NinjsSchema.validate(ninjs)).isEmpty();
		assertThat(ninjs.get("uri").stringValue()).isEqualTo("urn:newsplatform:article:a1b2c3");
		assertThat(ninjs.get("type").stringValue()).isEqualTo("text");
		assertThat(ninjs.get("version").stringValue()).isEqualTo("7");
		assertThat(ninjs.get("pubstatus").stringValue()).isEqualTo("usable");
		assertThat(ninjs.get("language").stringValue()).isEqualTo("hr");
		assertThat(ninjs.get("firstcreated").stringValue()).isEqualTo("2026-11-24T07:00:00Z");
		assertThat(ninjs.get("versioncreated").stringValue()).isEqualTo("2026-11-24T09:30:00Z");
		assertThat(ninjs.get("embargoed").stringValue()).isEqualTo("2026-11-24T08:00:00Z");
		assertThat(ninjs.at("/headlines/0/value").stringValue()).isEqualTo("Čačak & Đakovo: <b>velika</b> utakmica");
		assertThat(ninjs.at("/descriptions/0/role").stringValue()).isEqualTo("summary");
		assertThat(ninjs.at("/descriptions/1/value").stringValue())
			.isEqualTo("2026-11-24T10:00:00Z Ispravljeno ime trenera.");
		assertThat(ninjs.at("/bodies/0/contenttype").stringValue()).isEqualTo("text/html");
		assertThat(ninjs.at("/bodies/0/wordcount").intValue()).isEqualTo(42);
		assertThat(ninjs.at("/bodies/1/contenttype").stringValue()).isEqualTo("text/plain");
		assertThat(ninjs.get("by").stringValue()).isEqualTo("Ana Anić, Ivo Ivić");
		assertThat(ninjs.at("/people/1/name").stringValue()).isEqualTo("Ivo Ivić");
		assertThat(ninjs.at("/subjects/0").toString()).isEqualTo("{\"name\":\"Sport\",\"rel\":\"section\"}");
		assertThat(ninjs.at("/subjects/1").toString()).isEqualTo("{\"name\":\"rukomet\",\"rel\":\"tag\"}");
		assertThat(ninjs.at("/infosources/1/name").stringValue()).isEqualTo("Reuters");
		assertThat(ninjs.at("/renditions/0/href").stringValue()).isEqualTo("https://news.example/vijesti/cacak-dakovo");
		assertThat(ninjs.at("/associations/0/name").stringValue()).isEqualTo("featureimage");
		assertThat(ninjs.at("/associations/0/renditions/0/href").stringValue())
			.isEqualTo("https://news.example/api/v1/media/m-hero");
		assertThat(ninjs.at("/associations/1/descriptions/0/value").stringValue()).isEqualTo("Navijači <3");
		assertThat(ninjs.at("/associations/1/by").stringValue()).isEqualTo("Foto: HINA");
	}

	@Test
	void exportedHtmlEscapesAllTextAndLinksOnlyToTheWeb() {
		String html = NinjsMapper.toNinjs(richArticle()).at("/bodies/0/value").stringValue();

		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("script, b, iframe")).isEmpty();
		assertThat(document.select("[onerror], [onclick]")).isEmpty();
		assertThat(document.select("a[href]").eachAttr("href")).containsExactly("https://www.youtube.com/watch?v=1",
				"https://example.org/a?x=1&y=2");
		assertThat(document.select("p").first().text())
			.isEqualTo("Uvod <script>alert(\"x\")</script> & \"navodnici\" i 'apostrofi'.");
		assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;");
		assertThat(document.select("h2").text()).isEqualTo("Podnaslov <b>");
		assertThat(document.select("h3").text()).isEqualTo("Manji podnaslov");
		assertThat(document.select("blockquote footer").text()).isEqualTo("trener");
		assertThat(document.select("figure img").attr("src")).isEqualTo("https://news.example/api/v1/media/m-1");
		assertThat(document.select("figure img").attr("alt")).isEqualTo("Navijači \" onerror=\"alert(1)");
		assertThat(document.select("p.related").get(0).text()).isEqualTo("Povezano bez poveznice");
		assertThat(document.select("p.related").get(0).attr("data-article-id")).isEqualTo("other-1");
		assertThat(document.select("p.related").get(1).select("a")).isEmpty();
	}

	@Test
	void aMinimalDraftIsValidAndWithheld() {
		NinjsArticle draft = new NinjsArticle("d1", null, null, null, "Naslov", null,
				List.of(new Block.Paragraph("Tekst.")), null, null, null, null, null, null, "DRAFT", CREATED, CREATED,
				null, null, null, 1, 1, null);

		ObjectNode ninjs = NinjsMapper.toNinjs(draft);

		assertThat(NinjsSchema.validate(ninjs)).isEmpty();
		assertThat(ninjs.get("pubstatus").stringValue()).isEqualTo("withheld");
		assertThat(ninjs.has("associations")).isFalse();
	}

	@Test
	void statusesMapToPubstatus() {
		assertThat(NinjsMapper.pubstatus("PUBLISHED")).isEqualTo("usable");
		assertThat(NinjsMapper.pubstatus("SCHEDULED")).isEqualTo("withheld");
		assertThat(NinjsMapper.pubstatus("IN_REVIEW")).isEqualTo("withheld");
		assertThat(NinjsMapper.pubstatus("UNPUBLISHED")).isEqualTo("canceled");
		assertThat(NinjsMapper.pubstatus("DELETED")).isEqualTo("canceled");
	}

	@Test
	void anExportImportsBackAsTheSameText() {
		ImportedDraft draft = NinjsMapper.fromNinjs(NinjsMapper.toNinjs(richArticle()));

		assertThat(draft.headline()).isEqualTo("Čačak & Đakovo: <b>velika</b> utakmica");
		assertThat(draft.standfirst()).isEqualTo("Kratki uvod.");
		assertThat(draft.language()).isEqualTo("hr");
		assertThat(draft.authors()).containsExactly("Ana Anić", "Ivo Ivić");
		assertThat(draft.section()).isEqualTo("Sport");
		assertThat(draft.tags()).containsExactly("rukomet", "Đakovo");
		assertThat(draft.source()).isEqualTo("HINA, Reuters");
		assertThat(draft.externalUri()).isEqualTo("urn:newsplatform:article:a1b2c3");
		assertThat(draft.blocks()).containsExactly(
				new Block.Paragraph("Uvod <script>alert(\"x\")</script> & \"navodnici\" i 'apostrofi'."),
				new Block.Heading(2, "Podnaslov <b>"), new Block.Heading(3, "Manji podnaslov"),
				new Block.Quote("Igrali smo dobro.", "trener"),
				new Block.RelatedLink(null, "https://www.youtube.com/watch?v=1", "Video utakmice"),
				new Block.Paragraph("Povezano bez poveznice"), new Block.Paragraph("Loša poveznica"),
				new Block.RelatedLink(null, "https://example.org/a?x=1&y=2", "Vanjski članak"));
	}

	@Test
	void aHinaItemImportsAsADraft() {
		ImportedDraft draft = NinjsMapper.fromNinjs(resource("hina-item.json"));

		assertThat(draft.headline()).isEqualTo("Olujna bura zatvorila Paški most i dionice autoceste A1");
		assertThat(draft.standfirst()).isEqualTo("Zbog olujne bure u srijedu ujutro zatvoren je Paški most.");
		assertThat(draft.blocks()).containsExactly(new Block.Paragraph(
				"ZAGREB, 25. studenoga (Hina) - Zbog olujne bure u srijedu ujutro zatvoren je Paški most, a promet "
						+ "autocestom A1 između Svetog Roka i Posedarja odvija se uz zabranu za motocikle i vozila s "
						+ "kamp-prikolicama."),
				new Block.Heading(2, "Udari vjetra do 150 km/h"),
				// the agency's inline link is kept as a link mark over "DHMZ-a"
				new Block.Paragraph("Prema podacima DHMZ-a, udari vjetra na Velebitskom kanalu dosežu 150 kilometara "
						+ "na sat. Bura bi trebala oslabjeti u četvrtak.", List.of(Mark.link(15, 21, "https://meteo.hr"))),
				new Block.Quote("Molimo vozače da ne kreću na put bez potrebe.", "Hrvatski autoklub"),
				new Block.RelatedLink(null, "https://www.hak.hr/info/stanje-na-cestama/", "Stanje na cestama"),
				new Block.Paragraph("(Hina) ana"));
		assertThat(draft.source()).isEqualTo("HINA");
		assertThat(draft.language()).isEqualTo("hr-HR");
		assertThat(draft.authors()).containsExactly("Ana Anić");
		assertThat(draft.section()).isEqualTo("Hrvatska");
		assertThat(draft.tags()).containsExactly("vrijeme", "promet", "bura");
		assertThat(draft.externalUri()).isEqualTo("urn:newsml:hina.hr:20261125:HINA-2026-11-25-0815");
	}

	@Test
	void officialAgencyExamplesImport() {
		ImportedDraft dpa = NinjsMapper.fromNinjs(resource("example-dpa_text.json"));
		assertThat(dpa.headline()).isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
		assertThat(dpa.blocks()).hasSize(9).allMatch(Block.Paragraph.class::isInstance);
		assertThat(dpa.source()).isEqualTo("dpa");
		assertThat(dpa.language()).isEqualTo("de");

		// NTB sends a lead and no body: the lead becomes the body
		ImportedDraft ntb = NinjsMapper.fromNinjs(resource("example-ntb_text.json"));
		assertThat(ntb.blocks()).containsExactly(new Block.Paragraph(
				"IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien i tilfelle det blir behov for flere "
						+ "datasentre i Europa."));
		assertThat(ntb.standfirst()).isNull();
		assertThat(ntb.language()).isEqualTo("nb-NO");
		assertThat(ntb.tags()).containsExactly("Innenriks", "Teknologi", "Industri", "Olje og energi");
	}

	@Test
	void aPlainTextBodyIsSplitLikeAPastedText() {
		ObjectNode item = JSON.createObjectNode();
		item.put("uri", "urn:example:1");
		item.putArray("bodies")
			.addObject()
			.put("contenttype", "text/plain")
			.put("value", "Prvi odlomak.\nDrugi odlomak.\n>>Pročitajte i ovo");

		ImportedDraft draft = NinjsMapper.fromNinjs(item);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Prvi odlomak."),
				new Block.Paragraph("Drugi odlomak."), new Block.RelatedLink(null, null, "Pročitajte i ovo"));
		assertThat(draft.headline()).isEqualTo("Prvi odlomak");
	}

	@Test
	void markupAndScriptNeverSurviveTheImport() {
		ImportedDraft draft = NinjsMapper.fromNinjs(resource("hostile-item.json"));

		assertThat(draft.headline()).isEqualTo("Naslov");
		List<String> texts = new ArrayList<>();
		texts.add(draft.headline());
		for (Block block : draft.blocks()) {
			texts.add(block.plainText());
			if (block instanceof Block.RelatedLink link) {
				texts.add(link.title());
				assertThat(link.url()).startsWith("https://");
			}
		}
		assertThat(texts).allSatisfy((text) -> assertThat(text).doesNotContain("<", ">", "alert", "javascript",
				"onerror", "svg tekst", "okvir", "objekt", "polje", "gumb", "color"));
		// <b> survives as a mark; the javascript: links lose their href and are text
		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Prvi odlomak s poveznicom.", List.of(Mark.bold(5, 12))),
				new Block.Paragraph("Klikni"), new Block.Heading(2, "Podnaslov"), new Block.Paragraph("Drugi odlomak ."),
				new Block.Paragraph("Kraj."));
	}

	@Test
	void invalidNinjsIsRefusedNamingEveryPath() {
		JsonNode item = JSON.readTree("""
				{"headlines": [{"role": "main"}], "pubstatus": "published", "urgency": "high",
				 "bodies": [{"value": "x", "colour": "red"}]}
				""");

		assertThatThrownBy(() -> NinjsMapper.fromNinjs(item)).isInstanceOfSatisfying(ApiProblem.class, (ex) -> {
			assertThat(ex.status().value()).isEqualTo(422);
			assertThat(ex.type()).isEqualTo(ProblemType.NINJS_INVALID);
			assertThat(ex.fieldErrors()).extracting(ApiProblem.FieldError::field)
				.containsExactlyInAnyOrder("$.uri", "$.headlines[0].value", "$.pubstatus", "$.urgency",
						"$.bodies[0].colour");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "should_fail-001_bad_association.json", "should_fail-003_good_association_but_no_uri.json",
			"should_fail-004_bad_rights.json" })
	void theOfficialFailingTestDocumentsAreRefused(String name) {
		assertThat(NinjsSchema.validate(resource(name))).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "should_pass-001_ninjs_example.json", "should_pass-004_headlines.json",
			"should_pass-010_geojson.json", "v2.0-should_pass-001_ninjs_example.json",
			"v2.0-should_pass-002_schema.json", "example-dpa_text.json", "example-ntb_text.json", "hina-item.json" })
	void theOfficialPassingTestDocumentsAreAccepted(String name) {
		assertThat(NinjsSchema.validate(resource(name))).isEmpty();
	}

	@Test
	void itemsThatAreNotArticlesAreRefused() {
		assertThatThrownBy(() -> NinjsMapper.fromNinjs(resource("should_pass-010_geojson.json")))
			.isInstanceOfSatisfying(ApiProblem.class,
					(ex) -> assertThat(ex.fieldErrors()).extracting(ApiProblem.FieldError::field).containsExactly("$.type"));
		ObjectNode killed = (ObjectNode) resource("hina-item.json");
		killed.put("pubstatus", "canceled");
		assertThatThrownBy(() -> NinjsMapper.fromNinjs(killed)).isInstanceOfSatisfying(ApiProblem.class,
				(ex) -> assertThat(ex.fieldErrors()).extracting(ApiProblem.FieldError::field)
					.containsExactly("$.pubstatus"));
		assertThatThrownBy(() -> NinjsMapper.fromNinjs(JSON.readTree("[1]"))).isInstanceOfSatisfying(
				ApiProblem.class,
				(ex) -> assertThat(ex.fieldErrors()).extracting(ApiProblem.FieldError::field).containsExactly("$"));
		ObjectNode empty = JSON.createObjectNode().put("uri", "urn:x:1");
		assertThatThrownBy(() -> NinjsMapper.fromNinjs(empty)).isInstanceOfSatisfying(ApiProblem.class,
				(ex) -> assertThat(ex.fieldErrors()).extracting(ApiProblem.FieldError::field)
					.containsExactly("$.bodies"));
	}

	@Test
	void languageTagsAreNormalised() {
		assertThat(NinjsMapper.language("HR")).isEqualTo("hr");
		assertThat(NinjsMapper.language("hr_hr")).isEqualTo("hr-HR");
		assertThat(NinjsMapper.language("sr-Latn-RS")).isEqualTo("sr");
		assertThat(NinjsMapper.language("x")).isNull();
		assertThat(NinjsMapper.language(null)).isNull();
	}

	private static NinjsArticle richArticle() {
		List<Block> blocks = List.of(new Block.Paragraph("Uvod <script>alert(\"x\")</script> & \"navodnici\" i 'apostrofi'."),
				new Block.Heading(2, "Podnaslov <b>"), new Block.Heading(3, "Manji podnaslov"),
				new Block.Quote("Igrali smo dobro.", "trener"),
				new Block.Image("m-1", "Navijači <3", "Foto: HINA", "Navijači \" onerror=\"alert(1)"),
				new Block.Embed("https://www.youtube.com/watch?v=1", "youtube", "Video utakmice"),
				new Block.RelatedLink("other-1", null, "Povezano bez poveznice"),
				new Block.RelatedLink(null, "javascript:alert(1)", "Loša poveznica"),
				new Block.RelatedLink(null, "https://example.org/a?x=1&y=2", "Vanjski članak"));
		return new NinjsArticle("a1b2c3", "cacak-dakovo", URI.create("https://news.example/vijesti/cacak-dakovo"), "hr",
				"Čačak & Đakovo: <b>velika</b> utakmica", "Kratki uvod.", blocks, List.of("Ana Anić", "Ivo Ivić"),
				"Sport", List.of("rukomet", "Đakovo"), "HINA, Reuters", "m-hero",
				URI.create("https://news.example/api/v1/media"), "PUBLISHED", CREATED,
				Instant.parse("2026-11-24T09:30:00Z"), Instant.parse("2026-11-24T08:00:00Z"),
				Instant.parse("2026-11-24T08:00:00Z"), Instant.parse("2026-11-24T08:00:00Z"), 7, 42,
				List.of(new NinjsArticle.Correction(Instant.parse("2026-11-24T10:00:00Z"), "Ispravljeno ime trenera.")));
	}

	private static JsonNode resource(String name) {
		try (InputStream in = NinjsMapperTest.class.getResourceAsStream("/ninjs/" + name)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
