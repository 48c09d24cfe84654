package dev.coursehub.gateway.apidocs;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The Swagger UI page and its scripts hold no data and are public, with a content
 * security policy that lets the page load its own scripts and styles (the API routes keep
 * the strict one). The document itself, {@code /v3/api-docs}, is admin-only unless
 * {@code GATEWAY_DOCS_ACCESS=public}; then it is in this public chain too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsSecurityConfiguration {

	static final String UI_CSP = "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain apiDocsFilterChain(ServerHttpSecurity http, ApiDocsProperties properties) {
		List<String> paths = new ArrayList<>(List.of("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**"));
		if (properties.access() == ApiDocsProperties.Access.PUBLIC) {
			paths.add("/v3/api-docs");
		}
		return http
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths.toArray(String[]::new)))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(UI_CSP)))
			.build();
	}

}
