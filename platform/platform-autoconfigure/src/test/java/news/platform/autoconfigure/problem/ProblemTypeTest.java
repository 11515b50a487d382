package news.platform.autoconfigure.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue itself, and the root README's table of the types every service answers. */
class ProblemTypeTest {

	@Test
	void everySlugIsUniqueAndFollowsTheSlugRule() {
		assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct())
			.hasSize(ProblemType.values().length)
			.allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
		assertThat(ProblemType.bySlug("not-found")).contains(ProblemType.NOT_FOUND);
		assertThat(ProblemType.NOT_FOUND.uri()).hasToString("/problems/not-found");
	}

	@Test
	void anErrorWithOnlyAStatusGetsTheCommonTypeOfThatStatusOrTheGeneralOne() {
		assertThat(ProblemType.forStatus(HttpStatus.NOT_FOUND)).isEqualTo(ProblemType.NOT_FOUND);
		assertThat(ProblemType.forStatus(HttpStatus.BAD_REQUEST)).isEqualTo(ProblemType.BAD_REQUEST);
		assertThat(ProblemType.forStatus(HttpStatus.URI_TOO_LONG)).isEqualTo(ProblemType.BAD_REQUEST);
		assertThat(ProblemType.forStatus(HttpStatus.BAD_GATEWAY)).isEqualTo(ProblemType.INTERNAL);
	}

	@Test
	void theRootReadmeListsEveryCommonTypeAndNothingOutsideTheCatalogue() throws IOException {
		String readme = Files.readString(Path.of("../../README.md"));
		Set<String> mentioned = new TreeSet<>();
		Matcher matcher = Pattern.compile("/problems/([a-z0-9-]+)").matcher(readme);
		while (matcher.find()) {
			mentioned.add(matcher.group(1));
		}
		Set<String> catalogue = Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toSet());
		assertThat(mentioned).isSubsetOf(catalogue);
		assertThat(mentioned).containsAll(ProblemType.commonTypes().stream().map(ProblemType::slug).toList());
	}

}
