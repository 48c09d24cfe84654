package dev.coursehub.gateway.auth;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may call what. Public: the catalogue reads and the real-time stream, Telegram login
 * and health. User (any valid token): the caller's own {@code /api/booking/me/**} and
 * {@code /auth/me}. Admin: everything else, including anything not listed here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.GET, "/api/booking/courses/**", "/api/booking/workshops/**",
						"/api/booking/sessions/**")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/auth/telegram")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
				.permitAll()
				.pathMatchers("/api/booking/me/**")
				.hasRole(TokenMinter.USER)
				.pathMatchers(HttpMethod.GET, "/auth/me")
				.hasRole(TokenMinter.USER)
				.anyExchange()
				.hasRole(TokenMinter.ADMIN))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.cors(Customizer.withDefaults())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP)))
			.build();
	}

}
