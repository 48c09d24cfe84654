package dev.coursehub.booking.booking;

import java.util.List;

/**
 * One page of bookings, newest first; {@code nextCursor} is passed as {@code cursor} to
 * get the next page and is null on the last one.
 */
record BookingPage(List<Booking> items, String nextCursor) {
}
