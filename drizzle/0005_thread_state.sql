-- The comment thread's state on the reflection row (see schema-portfolio.ts): kept by triggers on every
-- write to comment, whoever writes (the app, an import, an erasure's cascade), so it cannot drift.
ALTER TABLE `reflection` ADD `staff_answered` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reflection` ADD `reply_waiting` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `reflection` SET
		`staff_answered` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL),
		`reply_waiting` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL)
			AND coalesce((SELECT c.`author_id` FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`deleted_at` IS NULL ORDER BY c.`created_at` DESC, c.`id` DESC LIMIT 1) = `reflection`.`student_id`, 0)
	WHERE `id` IN (SELECT DISTINCT `reflection_id` FROM `comment`);--> statement-breakpoint
CREATE TRIGGER `comment_thread_insert` AFTER INSERT ON `comment` BEGIN
	UPDATE `reflection` SET
		`staff_answered` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL),
		`reply_waiting` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL)
			AND coalesce((SELECT c.`author_id` FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`deleted_at` IS NULL ORDER BY c.`created_at` DESC, c.`id` DESC LIMIT 1) = `reflection`.`student_id`, 0)
	WHERE `id` = NEW.`reflection_id`;
END;--> statement-breakpoint
CREATE TRIGGER `comment_thread_update` AFTER UPDATE OF `reflection_id`, `author_id`, `created_at`, `deleted_at` ON `comment` BEGIN
	UPDATE `reflection` SET
		`staff_answered` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL),
		`reply_waiting` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL)
			AND coalesce((SELECT c.`author_id` FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`deleted_at` IS NULL ORDER BY c.`created_at` DESC, c.`id` DESC LIMIT 1) = `reflection`.`student_id`, 0)
	WHERE `id` = NEW.`reflection_id`;
	UPDATE `reflection` SET
		`staff_answered` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL),
		`reply_waiting` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL)
			AND coalesce((SELECT c.`author_id` FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`deleted_at` IS NULL ORDER BY c.`created_at` DESC, c.`id` DESC LIMIT 1) = `reflection`.`student_id`, 0)
	WHERE `id` = OLD.`reflection_id`;
END;--> statement-breakpoint
CREATE TRIGGER `comment_thread_delete` AFTER DELETE ON `comment` BEGIN
	UPDATE `reflection` SET
		`staff_answered` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL),
		`reply_waiting` = EXISTS (SELECT 1 FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`author_id` <> `reflection`.`student_id` AND c.`deleted_at` IS NULL)
			AND coalesce((SELECT c.`author_id` FROM `comment` c WHERE c.`reflection_id` = `reflection`.`id` AND c.`deleted_at` IS NULL ORDER BY c.`created_at` DESC, c.`id` DESC LIMIT 1) = `reflection`.`student_id`, 0)
	WHERE `id` = OLD.`reflection_id`;
END;--> statement-breakpoint
CREATE INDEX `reflection_shared_idx` ON `reflection` (`student_id`,`visibility`,`staff_answered`,`reply_waiting`,`finished_at`,`updated_at`,`activity_date`,`created_at`,`school_id`,`deleted_at`) WHERE deleted_at is null and finished_at is not null;
