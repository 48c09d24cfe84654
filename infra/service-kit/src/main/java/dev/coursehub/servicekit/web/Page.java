package dev.coursehub.servicekit.web;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a list, newest first; {@code nextCursor} is passed as {@code cursor} to get
 * the next page and is null on the last one.
 */
public record Page<T>(List<T> items, String nextCursor) {

	/**
	 * A page from rows fetched with {@code limit + 1}: the extra row only tells that
	 * there is more.
	 */
	public static <T> Page<T> of(List<T> rows, int limit, ToLongFunction<T> id) {
		boolean more = rows.size() > limit;
		List<T> items = more ? rows.subList(0, limit) : rows;
		return new Page<>(items, more ? Cursors.encode(id.applyAsLong(items.get(items.size() - 1))) : null);
	}

	/** 400 unless 1 &lt;= limit &lt;= 100. */
	public static int checkLimit(int limit) {
		if (limit < 1 || limit > 100) {
			throw Problems.invalid("limit", "limit must be between 1 and 100");
		}
		return limit;
	}

}
