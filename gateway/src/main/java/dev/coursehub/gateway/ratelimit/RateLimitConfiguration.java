package dev.coursehub.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	ClientBuckets clientBuckets(RateLimitProperties properties) {
		return new ClientBuckets(properties);
	}

	@Bean
	RateLimitFilter rateLimitFilter(ClientBuckets buckets) {
		return new RateLimitFilter(buckets);
	}

}
