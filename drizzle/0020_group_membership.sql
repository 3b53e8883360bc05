CREATE TABLE `group_membership` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_at` integer NOT NULL,
	`until_at` integer,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_membership_user_idx` ON `group_membership` (`user_id`,`kind`);--> statement-breakpoint
CREATE INDEX `group_membership_group_idx` ON `group_membership` (`group_id`,`kind`);--> statement-breakpoint
-- The places there are now, since their school year's start (when they began is not known).
INSERT INTO `group_membership` (`school_id`, `group_id`, `user_id`, `kind`, `from_at`)
SELECT gs.`school_id`, gs.`group_id`, gs.`student_id`, 'student', CAST(unixepoch(y.`starts_on`) * 1000 AS integer)
FROM `group_student` gs JOIN `group` g ON g.`id` = gs.`group_id` JOIN `school_year` y ON y.`id` = g.`school_year_id`;--> statement-breakpoint
INSERT INTO `group_membership` (`school_id`, `group_id`, `user_id`, `kind`, `from_at`)
SELECT gm.`school_id`, gm.`group_id`, gm.`mentor_id`, 'mentor', CAST(unixepoch(y.`starts_on`) * 1000 AS integer)
FROM `group_mentor` gm JOIN `group` g ON g.`id` = gm.`group_id` JOIN `school_year` y ON y.`id` = g.`school_year_id`;
