CREATE TABLE `transfer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`student_id` integer NOT NULL,
	`from_school` text NOT NULL,
	`exported_at` integer NOT NULL,
	`content_hash` text NOT NULL,
	`reflections` integer NOT NULL,
	`goals` integer NOT NULL,
	`ratings` integer NOT NULL,
	`files` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfer_student_hash_uq` ON `transfer` (`student_id`,`content_hash`);--> statement-breakpoint
ALTER TABLE `goal` ADD `transfer_id` integer REFERENCES transfer(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `reflection` ADD `transfer_id` integer REFERENCES transfer(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `self_rating` ADD `transfer_id` integer REFERENCES transfer(id) ON DELETE cascade;