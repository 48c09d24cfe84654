package dev.coursehub.booking.workshop;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the workshop feature ({@code coursehub.workshops.*}).
 *
 * @param locations where sessions may take place (the legacy business has A and B)
 * @param certificate which attendance makes a run's participant eligible for a
 * certificate
 * @param heartbeat how often an idle real-time stream gets a heartbeat
 * @param seatsGaugeRefresh how often the free-seats gauges are read from the database
 */
@ConfigurationProperties("coursehub.workshops")
public record WorkshopSettings(@DefaultValue( {
		"A", "B" }) List<String> locations, @DefaultValue Certificate certificate,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("30s") Duration seatsGaugeRefresh){

	public boolean knowsLocation(String location) {
		return this.locations.contains(location);
	}

	/**
	 * Certificate eligibility: a participant attended at least {@code minAttendedPercent}
	 * of the run's non-cancelled sessions (100: every session), counting {@code late} as
	 * attended when {@code lateCounts}.
	 */
	public record Certificate(@DefaultValue("100") int minAttendedPercent, @DefaultValue("true") boolean lateCounts) {

		public List<String> attendedMarks() {
			return this.lateCounts ? List.of("present", "late") : List.of("present");
		}

	}

}
