CREATE TABLE `summary_reply` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`conversation_id` integer NOT NULL,
	`author_id` integer,
	`by_student` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `summary_reply_conversation_idx` ON `summary_reply` (`conversation_id`,`id`);--> statement-breakpoint
ALTER TABLE `conversation` ADD `planned_time` text;--> statement-breakpoint
ALTER TABLE `conversation_agenda_item` ADD `proposal` text;--> statement-breakpoint
-- Hand-written data migration (issue 19, item 8): notifications of the old kind 'conversation' say what
-- happened. Sent at or after the conversation was recorded: the summary was put ready; before: it was planned.
UPDATE `notification` SET `kind` = CASE WHEN EXISTS (SELECT 1 FROM `conversation` c WHERE c.`id` = `notification`.`conversation_id` AND c.`status` = 'held' AND c.`held_at` IS NOT NULL AND `notification`.`created_at` >= c.`held_at`) THEN 'conversationRecorded' ELSE 'conversationPlanned' END WHERE `kind` = 'conversation';
