package dev.coursehub.booking.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class UserDirectoryIT {

	@Autowired
	UserDirectory directory;

	@Autowired
	UserQueries queries;

	@Autowired
	TransactionalOperator transactions;

	long id = TestData.newUserId();

	Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Test
	void latestNonEmptyValuesWinAndTheFirstAppearanceIsTheEarliest() {
		record(new UserFacts(this.id, "old_name", "Anna", "a@example.com", this.now));
		record(new UserFacts(this.id, "new_name", " ", null, this.now.minusSeconds(3600)));

		StepVerifier.create(this.queries.get(this.id)).assertNext((user) -> {
			assertThat(user.username()).isEqualTo("new_name");
			assertThat(user.firstName()).isEqualTo("Anna");
			assertThat(user.email()).isEqualTo("a@example.com");
			assertThat(user.firstSeenAt()).isEqualTo(this.now.minusSeconds(3600));
		}).verifyComplete();
	}

	@Test
	void publishesAnEventOnlyWhenSomethingChanged() {
		StepVerifier.create(this.transactions.transactional(this.directory.record(facts("same"))))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(this.transactions.transactional(this.directory.record(facts("same")))).verifyComplete();
		StepVerifier.create(this.transactions.transactional(this.directory.record(facts("changed"))))
			.assertNext((event) -> assertThat(event.aggregateVersion()).isEqualTo(2))
			.verifyComplete();
	}

	private UserFacts facts(String username) {
		return new UserFacts(this.id, username, null, null, this.now);
	}

	private void record(UserFacts facts) {
		this.transactions.transactional(this.directory.record(facts)).block();
	}

}
