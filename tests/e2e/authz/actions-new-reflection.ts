// A new reflection's first save, before it has an id: where it starts from, with the editor's key.
import { STUDENTS } from './expect';
import { act, actions, newReflectionForm, type ActionCase } from './rows';

export const NEW_REFLECTION_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/student/reflections/new/write', {
		save: [
			act({
				url: () => '/student/reflections/new/write',
				form: () => ({ ...newReflectionForm, title: '', doel: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [
					`SELECT count(*) n FROM reflection WHERE doel = 'authz-probe' AND start_key IS NOT NULL`
				]
			})
		]
	}),
	...actions('/student/reflections/new/write/autosave', {
		POST: [
			act({
				url: () => '/student/reflections/new/write/autosave',
				json: true,
				form: () => ({ ...newReflectionForm, title: '', doel: 'authz-probe', competencies: [] }),
				allowed: STUDENTS,
				check: () => [
					`SELECT count(*) n FROM reflection WHERE doel = 'authz-probe' AND start_key IS NOT NULL`
				]
			})
		]
	}),
	...actions('/student/reflections/new', {
		planned: [
			act({
				url: () => '/student/reflections/new',
				form: () => ({ activityId: '1' }),
				allowed: STUDENTS,
				check: () => [
					`SELECT count(*) n FROM reflection WHERE student_id NOT IN (SELECT user_id FROM user_role WHERE role = 'student')`
				]
			})
		],
		own: [
			act({
				url: () => '/student/reflections/new',
				form: () => ({ activityType: 'stage', activityDate: '', activityPlace: '', title: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [`SELECT count(*) n FROM reflection WHERE title = 'authz-probe'`]
			})
		]
	})
};
