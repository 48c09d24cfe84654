package dev.coursehub.localstack;

import org.junit.jupiter.api.Test;

import dev.coursehub.localstack.PromqlParts.Kind;
import dev.coursehub.localstack.PromqlParts.Split;

import static org.assertj.core.api.Assertions.assertThat;

class PromqlPartsTests {

	@Test
	void aComparisonSplitsIntoItsSides() {
		assertThat(PromqlParts.split("up{job=~\"coursehub-.*\"} == 0"))
			.contains(new Split(Kind.COMPARISON, "up{job=~\"coursehub-.*\"}", "0"));
		assertThat(PromqlParts.split("max by (application) (coursehub_outbox_oldest_age_seconds) > 60"))
			.contains(new Split(Kind.COMPARISON, "max by (application) (coursehub_outbox_oldest_age_seconds)", "60"));
	}

	@Test
	void setOperatorsBindLooserThanComparisons() {
		assertThat(PromqlParts.split("max by (a) (lag) > 1000 and max by (a) (deriv(lag[10m])) > 0"))
			.contains(new Split(Kind.AND, "max by (a) (lag) > 1000", "max by (a) (deriv(lag[10m])) > 0"));
		assertThat(PromqlParts.split("sum by (a) (increase(x[15m])) > 0\n  or\nsum by (a) (x > 0 unless x offset 15m)"))
			.contains(
					new Split(Kind.OR, "sum by (a) (increase(x[15m])) > 0", "sum by (a) (x > 0 unless x offset 15m)"));
		assertThat(PromqlParts.split("x > 0 unless x offset 15m"))
			.contains(new Split(Kind.UNLESS, "x > 0", "x offset 15m"));
	}

	@Test
	void anAggregationOrParenthesesAroundEverythingAreOpened() {
		assertThat(PromqlParts.split("sum by (a, b) (x > 0 unless x offset 15m)"))
			.contains(new Split(Kind.WRAPPER, "x > 0 unless x offset 15m", null));
		assertThat(PromqlParts.split("sum(x > 0) without (instance)")).contains(new Split(Kind.WRAPPER, "x > 0", null));
		assertThat(PromqlParts.split("(x > 0)")).contains(new Split(Kind.WRAPPER, "x > 0", null));
	}

	@Test
	void arithmeticAndFunctionsAreNotSplit() {
		assertThat(PromqlParts.split("(sum(rate(a[5m])) or 0 * sum(rate(b[5m]))) / sum(rate(b[5m]))")).isEmpty();
		assertThat(PromqlParts.split("histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))")).isEmpty();
		assertThat(PromqlParts.split("sum by (a) (rate(x{status=~\"5..\",uri!=\"/a>b\"}[5m]))"))
			.contains(new Split(Kind.WRAPPER, "rate(x{status=~\"5..\",uri!=\"/a>b\"}[5m])", null));
		assertThat(PromqlParts.split("rate(x[5m])")).isEmpty();
	}

	@Test
	void theMatchingModifiersAreNotPartOfTheRightSide() {
		assertThat(PromqlParts.split("a > on (application) group_left b"))
			.contains(new Split(Kind.COMPARISON, "a", "b"));
		assertThat(PromqlParts.split("a > bool 1")).isEmpty();
	}

	@Test
	void metricNamesContainingOperatorWordsAreNames() {
		assertThat(PromqlParts.split("coursehub_vendor_orders_total")).isEmpty();
		assertThat(PromqlParts.split("errors_total or_not")).isEmpty();
	}

}
