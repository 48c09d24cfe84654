package dev.coursehub.booking.booking;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the booking API. */
final class BookingRequests {

	private BookingRequests() {
	}

	/**
	 * A new booking. {@code userId} is taken from the body on the admin API and from the
	 * gateway's verified header on {@code /me/bookings}.
	 */
	record NewBooking(@Positive Long userId, @Size(max = 64) String username, @Size(max = 128) String firstName,
			@NotNull @Positive Long courseId, @NotBlank @Size(max = 64) String stream, BookingStatus status,
			@Size(min = 1, max = 64) String referralCode, @Min(0) @Max(100) Integer discountPercent,
			@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price) {

		NewBooking forUser(long verifiedUserId) {
			return new NewBooking(verifiedUserId, this.username, this.firstName, this.courseId, this.stream, null,
					this.referralCode, this.discountPercent, this.price);
		}

	}

	record StatusChange(@NotNull BookingStatus status) {
	}

	record StreamChange(@NotBlank @Size(max = 64) String stream) {
	}

}
