package dk.bindeled.logbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MeetingLogbookApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeetingLogbookApplication.class, args);
    }
}
