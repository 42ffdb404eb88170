package dk.bindeled.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RoomBookingApplication {

    public static void main(String[] args) {
        // A municipal service does not phone home: Axon's update checker stays off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(RoomBookingApplication.class, args);
    }
}
