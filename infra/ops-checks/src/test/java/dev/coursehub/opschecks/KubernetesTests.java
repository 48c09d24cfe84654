package dev.coursehub.opschecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomize overlays of {@code infra/k8s} through {@code kubectl kustomize}: every
 * service a Deployment with both probes, requests and limits, autoscaling only for the
 * stateless services, and no secret values.
 */
class KubernetesTests {

	private static final List<String> SERVICES = List.of("gateway", "booking-service", "analytics-service",
			"messaging-service");

	@ParameterizedTest
	@ValueSource(strings = { "small", "production" })
	void overlayRendersDeploymentsWithProbesAndLimits(String overlay) {
		List<Map<String, Object>> objects = render(overlay);
		List<String> deployments = new ArrayList<>();
		List<String> autoscaled = new ArrayList<>();
		for (Map<String, Object> object : objects) {
			String name = (String) PrometheusTests.map(object.get("metadata")).get("name");
			assertThat(object.get("kind")).as(name).isNotEqualTo("Secret");
			if ("Deployment".equals(object.get("kind"))) {
				deployments.add(name);
				Map<String, Object> pod = PrometheusTests
					.map(PrometheusTests.map(PrometheusTests.map(object.get("spec")).get("template")).get("spec"));
				for (Map<String, Object> container : PrometheusTests.list(pod.get("containers"))) {
					assertThat(probePath(container, "readinessProbe")).as(name).isEqualTo("/actuator/health/readiness");
					assertThat(probePath(container, "livenessProbe")).as(name).isEqualTo("/actuator/health/liveness");
					Map<String, Object> resources = PrometheusTests.map(container.get("resources"));
					assertThat(PrometheusTests.map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
					assertThat(PrometheusTests.map(resources.get("limits"))).as(name).containsKeys("cpu", "memory");
				}
			}
			if ("HorizontalPodAutoscaler".equals(object.get("kind"))) {
				Map<String, Object> target = PrometheusTests
					.map(PrometheusTests.map(object.get("spec")).get("scaleTargetRef"));
				autoscaled.add((String) target.get("name"));
			}
		}
		assertThat(deployments).containsExactlyInAnyOrderElementsOf(SERVICES);
		// analytics is bounded by the partitions of booking.events, not by CPU
		assertThat(autoscaled).containsExactlyInAnyOrder("gateway", "booking-service", "messaging-service");
	}

	private static List<Map<String, Object>> render(String overlay) {
		String rendered = Tool
			.run(Tool.REPOSITORY.resolve("infra/k8s/overlays/" + overlay), "kubectl", "kustomize", ".")
			.assertSucceeded("kubectl kustomize infra/k8s/overlays/" + overlay)
			.output();
		List<Map<String, Object>> objects = new ArrayList<>();
		Tool.yamlDocuments(rendered).forEach((document) -> objects.add(PrometheusTests.map(document)));
		return objects;
	}

	private static Object probePath(Map<String, Object> container, String probe) {
		Map<String, Object> definition = PrometheusTests.map(container.get(probe));
		assertThat(definition).as(probe).isNotNull();
		return PrometheusTests.map(definition.get("httpGet")).get("path");
	}

}
