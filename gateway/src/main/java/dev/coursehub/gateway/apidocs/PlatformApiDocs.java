package dev.coursehub.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.coursehub.gateway.health.DownstreamProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * Gathers each service's {@code /v3/api-docs} (springdoc) and merges them with the
 * gateway's own endpoints into one document. A service that does not answer is left out
 * and named in {@code x-coursehub-unavailable}, so one service being down never hides the
 * others' documentation. The merged document is kept for {@code cacheFor}.
 */
@Component
class PlatformApiDocs {

	private static final Logger log = LoggerFactory.getLogger(PlatformApiDocs.class);

	private final Map<String, URI> services;

	private final JsonMapper json;

	private final JsonNode gateway;

	private final WebClient client;

	private final ApiDocsProperties properties;

	private final Mono<String> document;

	PlatformApiDocs(DownstreamProperties downstream, ApiDocsProperties properties, JsonMapper json) {
		this.services = new TreeMap<>(downstream.urls());
		this.properties = properties;
		this.json = json;
		this.gateway = readGatewayDocument(json);
		this.client = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build();
		this.document = Mono.defer(this::gather).cache(properties.cacheFor());
	}

	/**
	 * @return the merged document as JSON
	 */
	Mono<String> document() {
		return this.document;
	}

	private Mono<String> gather() {
		return Flux.fromIterable(this.services.entrySet())
			.concatMap((service) -> fetch(service.getKey(), service.getValue()))
			.collectList()
			.map((results) -> {
				Map<String, JsonNode> documents = new LinkedHashMap<>();
				List<String> unavailable = new ArrayList<>();
				for (Tuple2<String, JsonNode> result : results) {
					if (result.getT2().isMissingNode()) {
						unavailable.add(result.getT1());
					}
					else {
						documents.put(result.getT1(), result.getT2());
					}
				}
				return this.json.writeValueAsString(OpenApiMerger.merge(this.gateway, documents, unavailable));
			});
	}

	private Mono<Tuple2<String, JsonNode>> fetch(String name, URI base) {
		return this.client.get()
			.uri(base.toString().replaceAll("/+$", "") + "/v3/api-docs")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(this.properties.timeout())
			.map((body) -> Tuples.of(name, this.json.readTree(body)))
			.onErrorResume((ex) -> {
				log.warn("API description of {} not available: {}", name, ex.toString());
				return Mono.just(Tuples.of(name, this.json.missingNode()));
			});
	}

	private static JsonNode readGatewayDocument(JsonMapper json) {
		try (InputStream in = new ClassPathResource("apidocs/gateway-openapi.json").getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("apidocs/gateway-openapi.json is missing from the gateway jar", ex);
		}
	}

}
