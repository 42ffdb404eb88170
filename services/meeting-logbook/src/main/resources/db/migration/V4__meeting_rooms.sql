-- A meeting's room, booked through room booking: the booking last asked for and where it stands as room booking said.
ALTER TABLE meetings ADD COLUMN room_booking_id VARCHAR(64);
ALTER TABLE meetings ADD COLUMN room_resource_id VARCHAR(64);
ALTER TABLE meetings ADD COLUMN room_partner_id VARCHAR(64);
ALTER TABLE meetings ADD COLUMN room_status VARCHAR(30);
ALTER TABLE meetings ADD COLUMN room_reason VARCHAR(60);
ALTER TABLE meetings ADD COLUMN room_answered_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_meetings_room_booking ON meetings (room_booking_id);
