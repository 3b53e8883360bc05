// A goal's status in the reader's language; its own module so the student home loads only this.
import { m } from '$lib/paraglide/messages';
import type { GoalStatus } from './portfolio';

export const goalStatusText: Record<GoalStatus, () => string> = {
	open: m.grow_goal_status_open,
	done: m.grow_goal_status_done,
	dropped: m.grow_goal_status_dropped
};
