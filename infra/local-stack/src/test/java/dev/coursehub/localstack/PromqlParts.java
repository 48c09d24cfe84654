package dev.coursehub.localstack;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a PromQL expression at its outermost filtering operator, enough to tell why an
 * alert expression returns nothing on a healthy stack: a comparison that is false
 * ({@code x > 1000}), a set operator ({@code or}, {@code and}, {@code unless}), or an
 * aggregation or parentheses around one of those. Arithmetic is never split: a sum or a
 * quotient that returns nothing is missing data.
 */
final class PromqlParts {

	private static final List<String> AGGREGATIONS = List.of("sum", "min", "max", "avg", "count", "group", "stddev",
			"stdvar");

	private static final Pattern GROUPING = Pattern.compile("^(by|without)\\s*\\([^()]*\\)\\s*");

	private static final Pattern MATCHING = Pattern
		.compile("^(on|ignoring)\\s*\\([^()]*\\)\\s*((group_left|group_right)\\s*(\\([^()]*\\))?\\s*)?");

	private PromqlParts() {
	}

	/** The outermost split of {@code expr}, if it has one. */
	static Optional<Split> split(String expr) {
		String trimmed = expr.strip();
		Optional<Split> binary = binary(trimmed);
		if (binary.isPresent()) {
			return binary;
		}
		return inner(trimmed).map((inner) -> new Split(Kind.WRAPPER, inner, null));
	}

	/**
	 * The lowest-precedence binary operator outside any bracket, the last of its kind.
	 */
	private static Optional<Split> binary(String expr) {
		int bestPrecedence = Integer.MAX_VALUE;
		int bestStart = -1;
		int bestEnd = -1;
		Kind bestKind = null;
		int depth = 0;
		for (int i = 0; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = endOfString(expr, i);
				continue;
			}
			if (c == '(' || c == '[' || c == '{') {
				depth++;
				continue;
			}
			if (c == ')' || c == ']' || c == '}') {
				depth--;
				continue;
			}
			if (depth != 0) {
				continue;
			}
			Kind kind = null;
			int length = 0;
			if (isWord(expr, i, "or")) {
				kind = Kind.OR;
				length = 2;
			}
			else if (isWord(expr, i, "and")) {
				kind = Kind.AND;
				length = 3;
			}
			else if (isWord(expr, i, "unless")) {
				kind = Kind.UNLESS;
				length = 6;
			}
			else if (expr.startsWith("==", i) || expr.startsWith("!=", i) || expr.startsWith(">=", i)
					|| expr.startsWith("<=", i)) {
				kind = Kind.COMPARISON;
				length = 2;
			}
			else if (c == '>' || c == '<') {
				kind = Kind.COMPARISON;
				length = 1;
			}
			if (kind != null) {
				if (kind.precedence <= bestPrecedence) {
					bestPrecedence = kind.precedence;
					bestStart = i;
					bestEnd = i + length;
					bestKind = kind;
				}
				i += length - 1;
			}
		}
		if (bestKind == null) {
			return Optional.empty();
		}
		String right = expr.substring(bestEnd).strip();
		if (bestKind == Kind.COMPARISON && isWord(right, 0, "bool")) {
			// "x > bool 1" is 0 or 1 for every series: it filters nothing
			return Optional.empty();
		}
		Matcher matching = MATCHING.matcher(right);
		if (matching.find()) {
			right = right.substring(matching.end());
		}
		return Optional.of(new Split(bestKind, expr.substring(0, bestStart).strip(), right.strip()));
	}

	/** What an aggregation or a pair of parentheses around the whole expression holds. */
	private static Optional<String> inner(String expr) {
		String rest = expr;
		boolean aggregated = false;
		for (String aggregation : AGGREGATIONS) {
			if (isWord(expr, 0, aggregation)) {
				aggregated = true;
				rest = expr.substring(aggregation.length()).strip();
				Matcher grouping = GROUPING.matcher(rest);
				if (grouping.find()) {
					rest = rest.substring(grouping.end());
				}
				break;
			}
		}
		if (!rest.startsWith("(")) {
			return Optional.empty();
		}
		int close = matchingParenthesis(rest, 0);
		String after = rest.substring(close + 1).strip();
		if (!after.isEmpty() && !(aggregated && GROUPING.matcher(after).matches())) {
			return Optional.empty();
		}
		return Optional.of(rest.substring(1, close).strip());
	}

	private static int matchingParenthesis(String expr, int open) {
		int depth = 0;
		for (int i = open; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = endOfString(expr, i);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("unbalanced parentheses in " + expr);
	}

	private static int endOfString(String expr, int start) {
		char quote = expr.charAt(start);
		for (int i = start + 1; i < expr.length(); i++) {
			if (expr.charAt(i) == '\\' && quote != '`') {
				i++;
			}
			else if (expr.charAt(i) == quote) {
				return i;
			}
		}
		throw new IllegalArgumentException("unterminated string in " + expr);
	}

	private static boolean isWord(String expr, int at, String word) {
		return expr.startsWith(word, at) && (at == 0 || !isNameChar(expr.charAt(at - 1)))
				&& (at + word.length() == expr.length() || !isNameChar(expr.charAt(at + word.length())));
	}

	private static boolean isNameChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == ':';
	}

	enum Kind {

		OR(1), AND(2), UNLESS(2), COMPARISON(3), WRAPPER(0);

		private final int precedence;

		Kind(int precedence) {
			this.precedence = precedence;
		}

	}

	/**
	 * An expression taken apart.
	 *
	 * @param kind the operator, or {@link Kind#WRAPPER} for an aggregation or parentheses
	 * @param left the left operand, or what the wrapper holds
	 * @param right the right operand, without {@code on(...)}/{@code group_left};
	 * {@code null} for a wrapper
	 */
	record Split(Kind kind, String left, String right) {

	}

}
