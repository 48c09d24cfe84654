package dev.coursehub.gateway.apidocs;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The platform's one OpenAPI document; the Swagger UI at {@code /swagger-ui.html} reads
 * it.
 */
@RestController
class ApiDocsController {

	private final PlatformApiDocs docs;

	ApiDocsController(PlatformApiDocs docs) {
		this.docs = docs;
	}

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> apiDocs() {
		return this.docs.document();
	}

}
