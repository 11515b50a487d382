package news.platform.comment;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

/**
 * The module's packages depend on each other one way: {@code moderation} on {@code thread} (it acts
 * on stored comments), {@code thread} on moderation only through its own {@code CommentModeration}
 * interface; {@code thread} on {@code articlestate} and {@code live}; everyone on {@code web}.
 */
class ArchitectureTest {

	@Test
	void packagesHaveNoCycles() {
		PackageCycles.assertNoneInMainCode("news.platform.comment");
	}

}
