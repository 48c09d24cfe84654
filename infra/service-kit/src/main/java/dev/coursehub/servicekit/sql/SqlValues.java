package dev.coursehub.servicekit.sql;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;

/** Bind values that may be null: R2DBC needs the type of a null. */
public final class SqlValues {

	private SqlValues() {
	}

	public static Parameter nullable(Object value, Class<?> type) {
		return (value != null) ? Parameters.in(value) : Parameters.in(type);
	}

}
