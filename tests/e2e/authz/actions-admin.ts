// The authorization matrix's form actions under /admin: accounts, groups, imports, school year, retention.
import { ADMINS } from './expect';
import { act, actions, groupRows, parentLinks, userRow, type ActionCase } from './rows';

export const ADMIN_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/admin/erase/[id=id]', {
		erase: [
			act({
				url: (i) => `/admin/erase/${i.A}`,
				form: () => ({ confirm: 'Mohamed Yilmaz' }),
				allowed: ['admin'],
				check: userRow((i) => i.A)
			}),
			act({
				url: (i) => `/admin/erase/${i.S2}`,
				form: () => ({ confirm: 'x' }),
				allowed: ['adminOther'],
				check: userRow((i) => i.S2)
			})
		]
	}),
	...actions('/admin/groups', {
		create: [
			act({
				url: () => '/admin/groups',
				form: () => ({ name: 'authz-probe' }),
				allowed: ADMINS,
				check: () => [`SELECT count(*) n FROM "group" WHERE name = 'authz-probe'`]
			})
		]
	}),
	...actions('/admin/groups/[id=id]', {
		save: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: () => ({ name: 'authz-probe' }),
				allowed: ['admin'],
				check: groupRows((i) => i.groupA)
			})
		],
		addStudents: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userIds: String(i.Z) }),
				allowed: ['admin'],
				check: groupRows((i) => i.groupA)
			}),
			// Smuggled: a student of the other school into this school's group, and the reverse.
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userIds: String(i.S2) }),
				check: groupRows((i) => i.groupA)
			}),
			act({
				url: (i) => `/admin/groups/${i.group2}`,
				form: (i) => ({ userIds: String(i.A) }),
				check: groupRows((i) => i.group2)
			})
		],
		addMentors: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userIds: String(i.staff) }),
				allowed: ['admin'],
				check: groupRows((i) => i.groupA)
			}),
			act({
				url: (i) => `/admin/groups/${i.group2}`,
				form: (i) => ({ userIds: String(i.mentorA) }),
				check: groupRows((i) => i.group2)
			})
		],
		removeStudent: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userId: String(i.A) }),
				allowed: ['admin'],
				// An empty body answers 404 like a missing member; removing for real is in admin.test.ts.
				probe: 'skip',
				check: groupRows((i) => i.groupA)
			})
		],
		removeMentor: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userId: String(i.mentorA) }),
				allowed: ['admin'],
				// An empty body answers 404 like a missing member; removing for real is in admin.test.ts.
				probe: 'skip',
				check: groupRows((i) => i.groupA)
			})
		],
		close: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: () => ({}),
				allowed: ['admin'],
				probe: 'skip',
				check: groupRows((i) => i.groupA)
			})
		],
		reopen: [
			act({
				url: (i) => `/admin/groups/${i.group2}`,
				form: () => ({}),
				allowed: ['adminOther'],
				probe: 'skip',
				check: groupRows((i) => i.group2)
			})
		]
	}),
	...actions('/admin/import', {
		upload: [
			act({
				url: () => '/admin/import',
				form: () => ({}),
				multipart: true,
				allowed: ADMINS,
				check: () => ['SELECT count(*) n FROM import_batch']
			})
		]
	}),
	...actions('/admin/import/[id=id]', {
		map: [act({ url: () => '/admin/import/999999', form: () => ({ givenName: '0' }) })],
		encoding: [act({ url: () => '/admin/import/999999', form: () => ({ encoding: 'macintosh' }) })],
		choose: [act({ url: () => '/admin/import/999999', form: () => ({ 'choice-2': '0' }) })],
		apply: [act({ url: () => '/admin/import/999999', form: () => ({}) })]
	}),
	...actions('/admin/retention', {
		erase: [
			act({
				url: () => '/admin/retention',
				form: (i) => ({ ids: String(i.A), confirm: '1' }),
				allowed: ADMINS,
				check: (i) => ['SELECT id, left_at FROM user WHERE id = ?', i.A]
			})
		]
	}),
	...actions('/admin/school-year', {
		retention: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ years: '3' }),
				allowed: ADMINS,
				check: () => ['SELECT * FROM school ORDER BY id']
			})
		],
		werkcentrum: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ werkcentrumName: 'authz-probe', werkcentrumUrl: 'https://authz-probe.example.nl/' }),
				allowed: ADMINS,
				check: () => ['SELECT id, werkcentrum_name, werkcentrum_url FROM school ORDER BY id']
			})
		],
		stage: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ name: 'authz-probe', startsOn: '2099-08-01', endsOn: '2100-07-31', confirm: 'on' }),
				allowed: ADMINS,
				check: () => ['SELECT * FROM school_year ORDER BY id']
			})
		],
		startEarly: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ yearId: '999999', confirm: 'authz-probe', reason: 'authz probe reason' }),
				allowed: ADMINS,
				check: () => [
					`SELECT (SELECT group_concat(id || ':' || is_current || ':' || coalesce(starts_on, '')) FROM school_year) AS years,
					 (SELECT group_concat(id || ':' || coalesce(closed_at, '')) FROM "group") AS groups`
				]
			})
		]
	}),
	...actions('/admin/users/[id=id]', {
		save: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({
					givenName: 'Authz',
					familyName: 'Probe',
					username: 'mohamed.yilmaz',
					roles: 'student'
				}),
				allowed: ['admin'],
				check: userRow((i) => i.A)
			})
		],
		deactivate: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({}),
				allowed: ['admin'],
				probe: 'skip',
				check: userRow((i) => i.A)
			})
		],
		reactivate: [
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: () => ({}),
				allowed: ['adminOther'],
				probe: 'skip',
				check: userRow((i) => i.S2)
			})
		],
		password: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({ password: 'Authz-probe-2026' }),
				allowed: ['admin'],
				check: userRow((i) => i.A)
			})
		],
		loginCode: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({}),
				allowed: ['admin'],
				probe: 'skip',
				check: userRow((i) => i.A)
			})
		],
		// Parents linked on request (issue 20): the demo mother, a parent of the demo school only.
		linkParent: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: (i) => ({ parentId: String(i.mother) }),
				allowed: ['admin'],
				check: parentLinks
			}),
			// Smuggled: the demo school's parent onto the other school's student.
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: (i) => ({ parentId: String(i.mother) }),
				check: parentLinks
			})
		],
		newParent: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({ parentGivenName: 'Authz', parentFamilyName: 'Probe', parentUsername: 'authz.parent' }),
				allowed: ['admin'],
				check: () => [`SELECT count(*) n FROM user WHERE username = 'authz.parent'`]
			}),
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: () => ({
					parentGivenName: 'Authz',
					parentFamilyName: 'Probe',
					parentUsername: 'authz.parent2'
				}),
				allowed: ['adminOther'],
				check: () => [`SELECT count(*) n FROM user WHERE username = 'authz.parent2'`]
			})
		],
		parentCode: [
			act({
				url: (i) => `/admin/users/${i.sanne}`,
				form: (i) => ({ parentId: String(i.mother) }),
				allowed: ['admin'],
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.mother]
			}),
			// Smuggled: a parent not linked to this student, and one of another school.
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: (i) => ({ parentId: String(i.mother) }),
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.mother]
			}),
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: (i) => ({ parentId: String(i.mother) }),
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.mother]
			})
		],
		endParentLink: [
			act({
				url: (i) => `/admin/users/${i.sanne}`,
				form: (i) => ({ linkId: String(i.motherLink) }),
				allowed: ['admin'],
				check: (i) => ['SELECT revoked_at FROM parent_link WHERE id = ?', i.motherLink]
			}),
			// Smuggled: Sanne's link through another student's page.
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: (i) => ({ linkId: String(i.motherLink) }),
				check: (i) => ['SELECT revoked_at FROM parent_link WHERE id = ?', i.motherLink]
			})
		]
	}),
	...actions('/admin/users/new', {
		default: [
			act({
				url: () => '/admin/users/new',
				form: () => ({
					givenName: 'Authz',
					familyName: 'Probe',
					username: 'authz.probe',
					roles: 'admin',
					password: 'Authz-probe-2026'
				}),
				allowed: ADMINS,
				check: () => [`SELECT count(*) n FROM user WHERE username = 'authz.probe'`]
			})
		]
	})
};
