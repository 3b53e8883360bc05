ALTER TABLE `reflection` ADD `start_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `reflection_start_key_uq` ON `reflection` (`student_id`,`start_key`) WHERE start_key is not null;