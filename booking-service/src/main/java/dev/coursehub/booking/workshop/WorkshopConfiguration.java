package dev.coursehub.booking.workshop;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkshopSettings.class)
class WorkshopConfiguration {

}
