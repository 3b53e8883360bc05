CREATE TABLE `matrix_round_actor` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `matrix_round`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `matrix_actor`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matrix_round_actor_uq` ON `matrix_round_actor` (`round_id`,`actor_id`);--> statement-breakpoint
CREATE TABLE `matrix_round_task` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `matrix_round`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `matrix_task`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matrix_round_task_uq` ON `matrix_round_task` (`round_id`,`task_id`);--> statement-breakpoint
ALTER TABLE `notification` ADD `matrix_round_id` integer REFERENCES matrix_round(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `matrix_action` ADD `owner_user_id` integer REFERENCES user(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `matrix_cell` ADD `agreed_at` integer;--> statement-breakpoint
ALTER TABLE `matrix_respondent` ADD `reminded_at` integer;--> statement-breakpoint
-- Hand-written data step (issue 17), keep it at the end when renumbering: every closed round becomes a
-- snapshot of the school's tasks and actors as they are now (those still in use, and archived ones the
-- round's agreed cells or answers point at), so later edits to the lists never rewrite it. Open rounds read
-- the live lists and get their snapshot when they are closed.
INSERT INTO `matrix_round_task` (`school_id`, `round_id`, `task_id`, `kind`, `name`, `description`, `position`)
SELECT r.`school_id`, r.`id`, t.`id`, t.`kind`, t.`name`, t.`description`,
	-- In the order the app shows: by kind, then by the list's position.
	(CASE t.`kind` WHEN 'begeleidend' THEN 0 WHEN 'coordinerend' THEN 1 WHEN 'beleidsmatig' THEN 2 ELSE 3 END) * 1000000 + t.`position`
FROM `matrix_round` r JOIN `matrix_task` t ON t.`school_id` = r.`school_id`
WHERE r.`status` = 'closed' AND (t.`archived_at` IS NULL
	OR t.`id` IN (SELECT c.`task_id` FROM `matrix_cell` c WHERE c.`round_id` = r.`id` AND c.`part` <> 'geen')
	OR t.`id` IN (SELECT a.`task_id` FROM `matrix_answer` a JOIN `matrix_respondent` p ON p.`id` = a.`respondent_id` WHERE p.`round_id` = r.`id`));--> statement-breakpoint
INSERT INTO `matrix_round_actor` (`school_id`, `round_id`, `actor_id`, `name`, `description`, `position`)
SELECT r.`school_id`, r.`id`, x.`id`, x.`name`, x.`description`, x.`position`
FROM `matrix_round` r JOIN `matrix_actor` x ON x.`school_id` = r.`school_id`
WHERE r.`status` = 'closed' AND (x.`archived_at` IS NULL
	OR x.`id` IN (SELECT c.`actor_id` FROM `matrix_cell` c WHERE c.`round_id` = r.`id` AND c.`part` <> 'geen')
	OR x.`id` IN (SELECT a.`actor_id` FROM `matrix_answer` a JOIN `matrix_respondent` p ON p.`id` = a.`respondent_id` WHERE p.`round_id` = r.`id`));
