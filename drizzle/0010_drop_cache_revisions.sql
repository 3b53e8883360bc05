-- Written by hand above the generated part (drizzle-kit does not know triggers): the triggers of 0006, 0007
-- and 0009 only counted up revisions that told the mentor overview and the matrix pages when a result
-- they kept went stale. Those results are no longer kept, so the triggers and the columns go. The triggers
-- of 0005 stay: they keep real data (a reflection's thread state) that pages read and an index covers.
DROP TRIGGER IF EXISTS `matrix_cell_revision_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_cell_revision_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_cell_revision_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_answer_revision_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_answer_revision_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_answer_revision_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_respondent_revision_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_respondent_revision_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_respondent_revision_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_task_revision_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_task_revision_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_task_revision_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_actor_revision_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_actor_revision_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `matrix_actor_revision_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reflection_portfolio_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reflection_portfolio_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reflection_portfolio_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reflection_competency_portfolio_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reflection_competency_portfolio_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reflection_competency_portfolio_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `goal_portfolio_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `goal_portfolio_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `goal_portfolio_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `conversation_portfolio_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `conversation_portfolio_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `conversation_portfolio_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `group_student_portfolio_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `group_student_portfolio_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `group_student_portfolio_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `group_student_members_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `group_student_members_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `group_student_members_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `user_members_update`;--> statement-breakpoint
ALTER TABLE `matrix_round` DROP COLUMN `revision`;--> statement-breakpoint
ALTER TABLE `group` DROP COLUMN `members_revision`;--> statement-breakpoint
ALTER TABLE `user` DROP COLUMN `portfolio_revision`;
