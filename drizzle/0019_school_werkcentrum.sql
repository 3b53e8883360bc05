ALTER TABLE `school` ADD `werkcentrum_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `school` ADD `werkcentrum_url` text DEFAULT '' NOT NULL;