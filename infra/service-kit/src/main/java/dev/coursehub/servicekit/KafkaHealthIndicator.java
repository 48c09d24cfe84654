package dev.coursehub.servicekit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * UP when the Kafka cluster answers a {@code describeCluster} within the timeout. Boot
 * has no Kafka health indicator, and readiness must include the broker a service writes
 * to or reads from.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements AutoCloseable {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private volatile AdminClient client;

	public KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = admin.getConfigurationProperties();
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromCallable(() -> describe(builder)).subscribeOn(Schedulers.boundedElastic());
	}

	private Health describe(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = client()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		long millis = this.timeout.toMillis();
		String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
		return builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
	}

	private AdminClient client() {
		AdminClient result = this.client;
		if (result == null) {
			synchronized (this) {
				result = this.client;
				if (result == null) {
					result = AdminClient.create(this.adminConfig);
					this.client = result;
				}
			}
		}
		return result;
	}

	@Override
	public void close() {
		AdminClient result = this.client;
		if (result != null) {
			result.close(Duration.ofSeconds(2));
		}
	}

}
