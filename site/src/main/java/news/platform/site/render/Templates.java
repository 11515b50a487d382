package news.platform.site.render;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** JTE templates (compiled at build time) rendered straight into UTF-8 bytes. */
public final class Templates {

	private final TemplateEngine engine;

	public Templates(TemplateEngine engine) {
		this.engine = engine;
	}

	/** {@code name} ({@code article.jte}) with its one parameter, the page's record. */
	public byte[] render(String name, Object page) {
		Utf8ByteOutput output = new Utf8ByteOutput(16 * 1024);
		this.engine.render(name, page, output);
		return output.toByteArray();
	}

}
