package dk.bindeled.referrals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReferralsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralsApplication.class, args);
    }
}
