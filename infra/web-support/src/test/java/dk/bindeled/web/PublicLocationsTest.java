package dk.bindeled.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicLocationsTest {

    @Test
    void aLocationFromTheRootGetsThePrefixTheServiceIsPublishedUnder() {
        assertThat(PublicLocations.publicLocation("Location", "/api/partners/7", "/registry")).isEqualTo("/registry/api/partners/7");
        assertThat(PublicLocations.publicLocation("location", "/api/partners/7", "/registry")).isEqualTo("/registry/api/partners/7");
    }

    @Test
    void otherHeadersAndLocationsThatNeedNothingAreLeftAlone() {
        assertThat(PublicLocations.publicLocation("Location", "http://localhost:8080/booking/ical/c.ics", "/booking"))
                .isEqualTo("http://localhost:8080/booking/ical/c.ics");
        assertThat(PublicLocations.publicLocation("Location", "/booking/api/bookings/1", "/booking")).isEqualTo("/booking/api/bookings/1");
        assertThat(PublicLocations.publicLocation("Location", "//elsewhere.example/x", "/booking")).isEqualTo("//elsewhere.example/x");
        assertThat(PublicLocations.publicLocation("Content-Location", "/api/x", "/booking")).isEqualTo("/api/x");
        assertThat(PublicLocations.publicLocation("Location", "api/relative", "/booking")).isEqualTo("api/relative");
    }
}
