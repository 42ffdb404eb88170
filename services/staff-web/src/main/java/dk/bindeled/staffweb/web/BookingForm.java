package dk.bindeled.staffweb.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the booking and series forms send. Shape only: the rules (opening hours, notice, length, quota, clashes) are
 * room booking's, and its refusals come back onto these fields by name ({@link #fieldOf}).
 */
public class BookingForm {

    private String resourceId;
    private String partnerId;
    private LocalDate date;
    private LocalTime from;
    private LocalTime to;
    private String title;
    private Integer attendees;
    private String targetGroup;
    private String visibility = "PUBLIC";
    private String purpose;
    // Series only: weekly or monthly, how many times, and whether to leave out the dates that clash.
    private String frequency = "WEEKLY";
    private Integer count = 6;
    private boolean skipClashes;

    /** Room booking's request fields → this form's fields. */
    static String fieldOf(String serviceField) {
        if (serviceField == null) {
            return "global";
        }
        return switch (serviceField) {
            case "start", "firstStart" -> "from";
            case "end", "firstEnd" -> "to";
            case "recurrence", "recurrence.count", "recurrence.until", "recurrence.frequency" -> "count";
            case "resourceId", "partnerId", "title", "attendees", "targetGroup", "visibility", "purpose" -> serviceField;
            default -> "global";
        };
    }

    Map<String, Object> bookingRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resourceId", resourceId);
        request.put("partnerId", partnerId);
        request.put("start", date == null || from == null ? null : date.atTime(from).toString());
        request.put("end", date == null || to == null ? null : date.atTime(to).toString());
        request.put("title", title);
        request.put("attendees", attendees);
        request.put("targetGroup", blankToNull(targetGroup));
        request.put("visibility", visibility);
        request.put("purpose", blankToNull(purpose));
        return request;
    }

    Map<String, Object> seriesRequest() {
        Map<String, Object> request = bookingRequest();
        request.put("firstStart", request.remove("start"));
        request.put("firstEnd", request.remove("end"));
        Map<String, Object> recurrence = new LinkedHashMap<>();
        recurrence.put("frequency", frequency);
        recurrence.put("count", count);
        request.put("recurrence", recurrence);
        request.put("skipClashes", skipClashes);
        return request;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getResourceId() { return resourceId; }
    public void setResourceId(String resourceId) { this.resourceId = resourceId; }
    public String getPartnerId() { return partnerId; }
    public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getFrom() { return from; }
    public void setFrom(LocalTime from) { this.from = from; }
    public LocalTime getTo() { return to; }
    public void setTo(LocalTime to) { this.to = to; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Integer getAttendees() { return attendees; }
    public void setAttendees(Integer attendees) { this.attendees = attendees; }
    public String getTargetGroup() { return targetGroup; }
    public void setTargetGroup(String targetGroup) { this.targetGroup = targetGroup; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
    public boolean isSkipClashes() { return skipClashes; }
    public void setSkipClashes(boolean skipClashes) { this.skipClashes = skipClashes; }
}
