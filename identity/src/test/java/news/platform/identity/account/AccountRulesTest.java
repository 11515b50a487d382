package news.platform.identity.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRulesTest {

	@Test
	void aUserNameIsLowerCaseAsciiOfThreeToFortyCharacters() {
		assertThat(AccountRules.plausibleUsername("ana.horvat")).isTrue();
		assertThat(AccountRules.plausibleUsername(AccountRules.normalizedUsername("  Ana_Horvat-2 "))).isTrue();
		assertThat(AccountRules.plausibleUsername("an")).isFalse();
		assertThat(AccountRules.plausibleUsername("a".repeat(41))).isFalse();
		assertThat(AccountRules.plausibleUsername("ana horvat")).isFalse();
		assertThat(AccountRules.plausibleUsername("čačak")).isFalse();
		assertThat(AccountRules.plausibleUsername("edi\u0000tor")).isFalse();
		assertThat(AccountRules.plausibleUsername(".ana")).isFalse();
	}

	@Test
	void aNewAccountNamesEveryFieldAtFault() {
		assertThat(AccountRules.checkNewAccount("ok.name", "Ana Horvat", "dovoljno-dugo", "dovoljno-dugo")).isEmpty();
		assertThat(AccountRules.checkNewAccount("x", "", "kratko", "kratko"))
			.extracting(AccountRules.Violation::field)
			.containsExactly("username", "displayName", "password");
		assertThat(AccountRules.checkNewAccount("ok.name", "Ana\u200BHorvat", "dovoljno-dugo", "drugacije-dugo"))
			.extracting(AccountRules.Violation::messageKey)
			.containsExactly("signup.displayName.invalid", "signup.password.mismatch");
		assertThat(AccountRules.checkNewAccount("ok.name", "A".repeat(81), "x".repeat(129), "x".repeat(129)))
			.extracting(AccountRules.Violation::messageKey)
			.containsExactly("signup.displayName.invalid", "signup.password.long");
	}

}
