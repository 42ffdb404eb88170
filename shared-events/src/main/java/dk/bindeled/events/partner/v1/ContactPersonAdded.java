package dk.bindeled.events.partner.v1;

/** A contact person is work data only: name, role, work e-mail and work phone. */
public record ContactPersonAdded(String partnerId, String contactPersonId, String name, String role,
                                 String workEmail, String workPhone) implements PartnerEvent {
}
