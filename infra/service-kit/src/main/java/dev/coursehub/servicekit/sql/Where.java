package dev.coursehub.servicekit.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A WHERE clause of optional filters: each condition is added only when its value is
 * given, and the values are bound by name, never written into the SQL.
 */
public final class Where {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> values = new LinkedHashMap<>();

	/** Add {@code condition} (using {@code :name}) when {@code value} is not null. */
	public Where and(String condition, String name, @Nullable Object value) {
		if (value != null) {
			this.conditions.add(condition);
			this.values.put(name, value);
		}
		return this;
	}

	/** {@code " WHERE a AND b"}, or empty when no filter was given. */
	public String sql() {
		return this.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.conditions);
	}

	/** The values to bind, by name. */
	public Map<String, Object> values() {
		return Map.copyOf(this.values);
	}

}
