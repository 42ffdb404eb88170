package dk.bindeled.events.partner.v1;

public record Capacity(Integer maximum, Integer available) {
}
