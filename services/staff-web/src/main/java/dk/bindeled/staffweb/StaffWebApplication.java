package dk.bindeled.staffweb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Danish staff web app: signs people in, keeps their tokens on the server and calls the services for them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StaffWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffWebApplication.class, args);
    }
}
