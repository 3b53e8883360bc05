DROP INDEX `comment_reflection_idx`;--> statement-breakpoint
CREATE INDEX `comment_thread_idx` ON `comment` (`reflection_id`,`created_at`,`id`,`author_id`,`deleted_at`);