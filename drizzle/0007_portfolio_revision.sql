ALTER TABLE `user` ADD `portfolio_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand (drizzle-kit does not know triggers): every write to what the mentor overview derives
-- from a student's portfolio counts up user.portfolio_revision, whichever code path, cascade or process
-- made it. Comments count through their own triggers, which update the reflection (0005).
CREATE TRIGGER `reflection_portfolio_insert` AFTER INSERT ON `reflection` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = NEW.`student_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reflection_portfolio_update` AFTER UPDATE ON `reflection` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN (OLD.`student_id`, NEW.`student_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `reflection_portfolio_delete` AFTER DELETE ON `reflection` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = OLD.`student_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reflection_competency_portfolio_insert` AFTER INSERT ON `reflection_competency` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` =
		(SELECT `student_id` FROM `reflection` WHERE `id` = NEW.`reflection_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `reflection_competency_portfolio_update` AFTER UPDATE ON `reflection_competency` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN
		(SELECT `student_id` FROM `reflection` WHERE `id` IN (OLD.`reflection_id`, NEW.`reflection_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `reflection_competency_portfolio_delete` AFTER DELETE ON `reflection_competency` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` =
		(SELECT `student_id` FROM `reflection` WHERE `id` = OLD.`reflection_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `goal_portfolio_insert` AFTER INSERT ON `goal` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = NEW.`student_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `goal_portfolio_update` AFTER UPDATE ON `goal` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN (OLD.`student_id`, NEW.`student_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `goal_portfolio_delete` AFTER DELETE ON `goal` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = OLD.`student_id`;
END;
--> statement-breakpoint
-- A conversation with one student counts for that student; a group conversation for everyone in the group.
CREATE TRIGGER `conversation_portfolio_insert` AFTER INSERT ON `conversation` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = NEW.`student_id`;
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN
		(SELECT `student_id` FROM `group_student` WHERE `group_id` = NEW.`group_id` AND NEW.`student_id` IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `conversation_portfolio_update` AFTER UPDATE ON `conversation` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN (OLD.`student_id`, NEW.`student_id`);
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN
		(SELECT `student_id` FROM `group_student` WHERE `group_id` = OLD.`group_id` AND OLD.`student_id` IS NULL);
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN
		(SELECT `student_id` FROM `group_student` WHERE `group_id` = NEW.`group_id` AND NEW.`student_id` IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `conversation_portfolio_delete` AFTER DELETE ON `conversation` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = OLD.`student_id`;
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN
		(SELECT `student_id` FROM `group_student` WHERE `group_id` = OLD.`group_id` AND OLD.`student_id` IS NULL);
END;
--> statement-breakpoint
-- Joining or leaving a group changes which group conversations are the student's.
CREATE TRIGGER `group_student_portfolio_insert` AFTER INSERT ON `group_student` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = NEW.`student_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `group_student_portfolio_update` AFTER UPDATE ON `group_student` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` IN (OLD.`student_id`, NEW.`student_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `group_student_portfolio_delete` AFTER DELETE ON `group_student` BEGIN
	UPDATE `user` SET `portfolio_revision` = `portfolio_revision` + 1 WHERE `id` = OLD.`student_id`;
END;
