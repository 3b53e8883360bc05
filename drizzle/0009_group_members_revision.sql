ALTER TABLE `group` ADD `members_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand (drizzle-kit does not know triggers): the mentor overview keeps a group's list of students
-- (names and portfolio revisions) until group.members_revision changes. Joining or leaving a group counts it
-- up, and so does every change to a member that the list shows or depends on, whoever makes it.
CREATE TRIGGER `group_student_members_insert` AFTER INSERT ON `group_student` BEGIN
	UPDATE `group` SET `members_revision` = `members_revision` + 1 WHERE `id` = NEW.`group_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `group_student_members_update` AFTER UPDATE ON `group_student` BEGIN
	UPDATE `group` SET `members_revision` = `members_revision` + 1 WHERE `id` IN (OLD.`group_id`, NEW.`group_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `group_student_members_delete` AFTER DELETE ON `group_student` BEGIN
	UPDATE `group` SET `members_revision` = `members_revision` + 1 WHERE `id` = OLD.`group_id`;
END;
--> statement-breakpoint
-- The portfolio revision itself is counted up by 0007's triggers on every write to the portfolio.
CREATE TRIGGER `user_members_update` AFTER UPDATE OF `portfolio_revision`, `given_name`, `family_name_prefix`,
	`family_name`, `active`, `school_id` ON `user` BEGIN
	UPDATE `group` SET `members_revision` = `members_revision` + 1 WHERE `id` IN
		(SELECT `group_id` FROM `group_student` WHERE `student_id` = NEW.`id`);
END;
