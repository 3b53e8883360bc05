CREATE TABLE `activity_cohort` (
	`activity_id` integer NOT NULL,
	`cohort` text NOT NULL,
	`school_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `cohort`),
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_competency` (
	`activity_id` integer NOT NULL,
	`competency` text NOT NULL,
	`school_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `competency`),
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_group` (
	`activity_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `group_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_group_group_idx` ON `activity_group` (`group_id`);--> statement-breakpoint
CREATE TABLE `calendar_feed` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`school_id` integer NOT NULL,
	`token_hash` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_hash_unique` ON `calendar_feed` (`token_hash`);--> statement-breakpoint
ALTER TABLE `notification` ADD `activity_id` integer REFERENCES activity(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `notification_activity_idx` ON `notification` (`activity_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `activity` ADD `school_year_id` integer REFERENCES school_year(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `activity` ADD `end_date` text;--> statement-breakpoint
ALTER TABLE `activity` ADD `start_time` text;--> statement-breakpoint
ALTER TABLE `activity` ADD `end_time` text;--> statement-breakpoint
ALTER TABLE `activity` ADD `audience` text DEFAULT 'school' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity` ADD `preparation_question` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity` ADD `organiser_id` integer REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `activity` ADD `matrix_task_id` integer REFERENCES matrix_task(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `activity` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `activity` ADD `needs_check` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activity` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `activity_year_date_idx` ON `activity` (`school_year_id`,`date`);--> statement-breakpoint
-- Existing activities: the school year their date falls in (else the school's current year), and their one
-- group as the chosen group; those without a group were for the whole school.
UPDATE `activity` SET `school_year_id` = coalesce(
	(SELECT sy.id FROM `school_year` sy WHERE sy.school_id = activity.school_id
		AND activity.date BETWEEN sy.starts_on AND sy.ends_on ORDER BY sy.starts_on DESC LIMIT 1),
	(SELECT sy.id FROM `school_year` sy WHERE sy.school_id = activity.school_id AND sy.is_current = 1 LIMIT 1));--> statement-breakpoint
INSERT INTO `activity_group` (`activity_id`, `group_id`, `school_id`)
	SELECT `id`, `group_id`, `school_id` FROM `activity` WHERE `group_id` IS NOT NULL;--> statement-breakpoint
UPDATE `activity` SET `audience` = 'groups' WHERE `group_id` IS NOT NULL;
