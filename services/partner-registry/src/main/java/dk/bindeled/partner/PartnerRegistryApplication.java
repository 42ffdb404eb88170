package dk.bindeled.partner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerRegistryApplication.class, args);
    }
}
