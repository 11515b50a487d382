package news.platform.media.rendition;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.OutputFormat;

/**
 * What a rendition URL asks for, validated: a preset name, or width/height/fit with a signature;
 * the format ({@code jpeg}, {@code png}, {@code webp}, {@code auto}); and the focal point the
 * caller believes current ({@code fp=x,y}, each 0..1), which makes the URL change when an editor
 * moves the focal point.
 *
 * @param format null for {@code auto}
 * @param focal null when the URL carries none
 */
public record RenditionSpec(String preset, int width, int height, boolean cover, OutputFormat format, double[] focal,
		String signature) {

	private static final Pattern FOCAL = Pattern.compile("(-?[0-9]{1,3}(?:\\.[0-9]{1,6})?),(-?[0-9]{1,3}(?:\\.[0-9]{1,6})?)");

	private static final Pattern SIZE = Pattern.compile("-?[0-9]{1,9}");

	private static final Pattern PRESET = Pattern.compile("[a-z0-9-]{1,40}");

	public String fit() {
		return this.cover ? "cover" : "contain";
	}

	static RenditionSpec parse(MediaProperties.Renditions config, String preset, String w, String h, String fit,
			String format, String fp, String sig) {
		OutputFormat output = null;
		String formatToken = format == null ? "auto" : format.toLowerCase(Locale.ROOT);
		if (!"auto".equals(formatToken)) {
			output = OutputFormat.ofToken(formatToken);
			if (output == null) {
				throw ApiProblem.invalidField("format", "one of jpeg, png, webp, auto");
			}
		}
		double[] focal = null;
		if (fp != null) {
			Matcher matcher = FOCAL.matcher(fp);
			if (!matcher.matches()) {
				throw ApiProblem.invalidField("fp", "x,y with each between 0 and 1, e.g. 0.5,0.3");
			}
			double x = Double.parseDouble(matcher.group(1));
			double y = Double.parseDouble(matcher.group(2));
			if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
				throw ApiProblem.invalidField("fp", "each coordinate between 0 and 1");
			}
			focal = new double[] { Math.round(x * 1000) / 1000.0, Math.round(y * 1000) / 1000.0 };
		}
		if (preset != null) {
			if (w != null || h != null || fit != null || sig != null) {
				throw ApiProblem.invalidField("preset", "a preset takes no w, h, fit or sig");
			}
			MediaProperties.Preset known = PRESET.matcher(preset).matches() ? config.presets().get(preset) : null;
			if (known == null) {
				throw ApiProblem.invalidField("preset", "unknown preset; known: " + config.presets().keySet());
			}
			return new RenditionSpec(preset, known.width(), known.height(), !"contain".equals(known.fit()), output,
					focal, null);
		}
		if (w == null) {
			throw ApiProblem.invalidField("w", "required unless a preset is given (presets: " + config.presets().keySet() + ")");
		}
		int width = size("w", w, config.maxWidth(), true);
		int height = h == null ? 0 : size("h", h, config.maxWidth(), false);
		String fitToken = fit == null ? "cover" : fit.toLowerCase(Locale.ROOT);
		if (!"cover".equals(fitToken) && !"contain".equals(fitToken)) {
			throw ApiProblem.invalidField("fit", "cover or contain");
		}
		if (sig == null || sig.isBlank()) {
			// a size from the preset list needs no signature
			for (Map.Entry<String, MediaProperties.Preset> entry : config.presets().entrySet()) {
				MediaProperties.Preset p = entry.getValue();
				if (p.width() == width && p.height() == height && p.fit().equals(fitToken)) {
					return new RenditionSpec(null, width, height, "cover".equals(fitToken), output, focal, null);
				}
			}
			throw new ApiProblem(ProblemType.SIGNATURE_REQUIRED,
					"Sizes outside the preset list need a signature (sig) made with the service's signing key.")
				.withFieldError("sig", "required for sizes outside the preset list");
		}
		return new RenditionSpec(null, width, height, "cover".equals(fitToken), output, focal, sig);
	}

	private static int size(String field, String value, int max, boolean required) {
		if (!SIZE.matcher(value).matches()) {
			throw ApiProblem.invalidParameter(field, "is not a whole number");
		}
		long number = Long.parseLong(value);
		if (number < (required ? 1 : 0) || number > max) {
			throw ApiProblem.invalidField(field, "between " + (required ? 1 : 0) + " and " + max);
		}
		return (int) number;
	}

	static ApiProblem badSignature() {
		return new ApiProblem(ProblemType.INVALID_SIGNATURE, "The signature does not match the rendition parameters.")
			.withFieldError("sig", "does not match");
	}

}
