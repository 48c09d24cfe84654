package dev.coursehub.gateway.apidocs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's OpenAPI document at the gateway.
 *
 * @param access who may read {@code /v3/api-docs}: {@code admin} (default) or
 * {@code public}; the Swagger UI page itself holds no data and is always public
 * @param cacheFor how long a merged document is served before the services are asked
 * again
 * @param timeout how long to wait for one service's document
 */
@ConfigurationProperties("coursehub.gateway.docs")
public record ApiDocsProperties(Access access, Duration cacheFor, Duration timeout) {

	public ApiDocsProperties {
		access = (access != null) ? access : Access.ADMIN;
		cacheFor = (cacheFor != null) ? cacheFor : Duration.ofSeconds(30);
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(3);
	}

	/** Who may read the document. */
	public enum Access {

		/** Only callers with the admin role. */
		ADMIN,

		/** Anyone, e.g. on the local stack. */
		PUBLIC

	}

}
