-- The inbox is cleaned up by age (kafka-support's InboxRetention): the index keeps each bounded batch a range scan.
CREATE INDEX ix_inbox_processed_at ON inbox (processed_at);
