package dev.coursehub.messaging.delivery;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.coursehub.messaging.telegram.TelegramClient;
import dev.coursehub.messaging.telegram.TelegramLimits;
import dev.coursehub.messaging.telegram.TelegramProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

	private static final Log logger = LogFactory.getLog(DeliveryConfiguration.class);

	/**
	 * The workers run unless switched off; without a bot token they do not start (nothing
	 * could be sent) and broadcasts wait, pending.
	 */
	@Bean
	DeliveryWorker deliveryWorker(DeliveryStore store, BroadcastStates broadcasts, SenderHold hold,
			TelegramClient telegram, TelegramLimits limits, DeliveryProperties properties, DeliveryMetrics metrics,
			TelegramProperties telegramProperties) {
		DeliveryWorker worker = new DeliveryWorker(store, broadcasts, hold, telegram, limits, properties, metrics);
		if (!properties.enabled() || !telegramProperties.hasToken()) {
			logger.warn("Delivery is off on this instance ("
					+ (properties.enabled() ? "no TELEGRAM_BOT_TOKEN" : "coursehub.delivery.enabled=false")
					+ "): broadcasts wait, pending");
			return new DeliveryWorker(store, broadcasts, hold, telegram, limits, properties, metrics) {
				@Override
				public void start() {
				}

				@Override
				public boolean isRunning() {
					return false;
				}
			};
		}
		return worker;
	}

}
