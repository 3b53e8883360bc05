ALTER TABLE `matrix_round` ADD `revision` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Written by hand (drizzle-kit does not know triggers): every change to what a round's matrix is made of
-- counts up matrix_round.revision, whichever code path, cascade or process made it. Tasks and actors belong
-- to the school, so a change to one counts for each of the school's rounds.
CREATE TRIGGER `matrix_cell_revision_insert` AFTER INSERT ON `matrix_cell` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` = NEW.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_cell_revision_update` AFTER UPDATE ON `matrix_cell` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` IN (OLD.`round_id`, NEW.`round_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_cell_revision_delete` AFTER DELETE ON `matrix_cell` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` = OLD.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_answer_revision_insert` AFTER INSERT ON `matrix_answer` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` =
		(SELECT `round_id` FROM `matrix_respondent` WHERE `id` = NEW.`respondent_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_answer_revision_update` AFTER UPDATE ON `matrix_answer` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` IN
		(SELECT `round_id` FROM `matrix_respondent` WHERE `id` IN (OLD.`respondent_id`, NEW.`respondent_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_answer_revision_delete` AFTER DELETE ON `matrix_answer` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` =
		(SELECT `round_id` FROM `matrix_respondent` WHERE `id` = OLD.`respondent_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_respondent_revision_insert` AFTER INSERT ON `matrix_respondent` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` = NEW.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_respondent_revision_update` AFTER UPDATE OF `round_id` ON `matrix_respondent` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` IN (OLD.`round_id`, NEW.`round_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_respondent_revision_delete` AFTER DELETE ON `matrix_respondent` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `id` = OLD.`round_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_task_revision_insert` AFTER INSERT ON `matrix_task` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `school_id` = NEW.`school_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_task_revision_update` AFTER UPDATE ON `matrix_task` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `school_id` IN (OLD.`school_id`, NEW.`school_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_task_revision_delete` AFTER DELETE ON `matrix_task` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `school_id` = OLD.`school_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_actor_revision_insert` AFTER INSERT ON `matrix_actor` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `school_id` = NEW.`school_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_actor_revision_update` AFTER UPDATE ON `matrix_actor` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `school_id` IN (OLD.`school_id`, NEW.`school_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `matrix_actor_revision_delete` AFTER DELETE ON `matrix_actor` BEGIN
	UPDATE `matrix_round` SET `revision` = `revision` + 1 WHERE `school_id` = OLD.`school_id`;
END;
