package dev.coursehub.booking.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class UserSearchIT {

	@Autowired
	WebTestClient client;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionalOperator transactions;

	String tag = UUID.randomUUID().toString().substring(0, 6);

	@BeforeEach
	void users() {
		user("alex_" + this.tag, "Алексей");
		user("maria" + this.tag, "Мария");
		user("percent%" + this.tag, null);
		user("back\\slash" + this.tag, "O'Brien");
	}

	@Test
	void findsBySubstringOfUsernameCaseInsensitively() {
		assertThat(search("LEX_" + this.tag.toUpperCase())).containsExactly("alex_" + this.tag);
		assertThat(search("ria" + this.tag)).containsExactly("maria" + this.tag);
	}

	@Test
	void findsByFirstNameInCyrillicCaseInsensitively() {
		user("cyr" + this.tag, "Ёлка" + this.tag);
		assertThat(search("лКа" + this.tag)).containsExactly("cyr" + this.tag);
	}

	@Test
	void treatsLikeWildcardsAndBackslashesAsData() {
		assertThat(search("%" + this.tag)).containsExactly("percent%" + this.tag);
		assertThat(search("_" + this.tag)).containsExactly("alex_" + this.tag);
		assertThat(search("\\slash" + this.tag)).containsExactly("back\\slash" + this.tag);
	}

	@ParameterizedTest
	@ValueSource(strings = { "' OR '1'='1", "%'; DROP TABLE app_user; --", "\\", "%%", "__", "\"", "O'Brien" })
	void answersHostileStringsWithMatchesOrNothingNeverAnError(String text) {
		this.client.get()
			.uri((uri) -> uri.path("/users/search").queryParam("q", "{q}").build(text))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void returnsAtMostFiftyInAStableOrder() {
		String many = "many" + this.tag;
		for (int i = 0; i < 60; i++) {
			user(many + "_" + i, null);
		}
		List<String> first = search(many);
		assertThat(first).hasSize(50).isSorted().isEqualTo(search(many));
	}

	@Test
	void oneOrTwoCharactersMatchInsideNamesTooAfterNamesStartingWithThem() {
		user("yan_" + this.tag, "Ян");
		user("yana_" + this.tag, "Яна");
		user("tatyana_" + this.tag, "Татьяна");
		List<String> found = search("ян");
		assertThat(found).contains("yan_" + this.tag, "yana_" + this.tag, "tatyana_" + this.tag);
		assertThat(found.indexOf("tatyana_" + this.tag)).isGreaterThan(found.indexOf("yana_" + this.tag));
	}

	@Test
	void aRareTwoCharacterSubstringIsFoundInUsernames() {
		user("a" + this.tag + "q", null);
		String gram = this.tag.substring(this.tag.length() - 1) + "q";
		assertThat(search(gram.toUpperCase())).contains("a" + this.tag + "q");
		assertThat(search("Q")).contains("a" + this.tag + "q");
	}

	@Test
	void namesStartingWithTheTextComeBeforeNamesContainingIt() {
		String text = "pre" + this.tag;
		user("0" + text, null);
		user(text + "z", null);
		user(text + "a", null);
		assertThat(search(text)).containsExactly(text + "a", text + "z", "0" + text);
	}

	@Test
	void aUserMatchingOnBothNamesIsListedOnce() {
		String text = "both" + this.tag;
		user(text, text + "name");
		assertThat(search(text)).containsExactly(text);
		assertThat(search(text.substring(0, 2))).containsOnlyOnce(text);
	}

	@Test
	void refusesABlankQuery() {
		this.client.get()
			.uri((uri) -> uri.path("/users/search").queryParam("q", "{q}").build("  "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("q");
	}

	private List<String> search(String text) {
		return this.client.get()
			.uri((uri) -> uri.path("/users/search").queryParam("q", "{q}").build(text))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(User.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map(User::username)
			.toList();
	}

	private void user(String username, String firstName) {
		UserFacts facts = new UserFacts(TestData.newUserId(), username, firstName, null, Instant.now());
		this.transactions.transactional(this.directory.record(facts)).block();
	}

}
