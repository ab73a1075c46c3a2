package io.relais;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RelaisApplication {
    public static void main(String[] args) {
        SpringApplication.run(RelaisApplication.class, args);
    }
}
