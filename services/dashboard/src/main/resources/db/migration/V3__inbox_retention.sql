-- The inbox is cleaned up by age (InboxRetention): the index keeps each bounded batch a range scan.
CREATE INDEX ix_inbox_received_at ON inbox (received_at);
