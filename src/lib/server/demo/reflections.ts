// Demo reflections: planned school activities and what students wrote about them, in the short, plain
// Dutch of vmbo and mbo students. Varied on purpose: some students write a lot, some once, some never.
import type { CompetencySlug } from '../../competencies';
import type { ActivityType, Visibility } from '../../portfolio';
import type { DemoContext } from './context';
import { activity, reflection, reflectionCompetency, reflectionVersion } from '../db/schema-portfolio';
import { activityGroup } from '../db/schema-programme';

type Parts = [doel: string, resultaat: string, evaluatie: string, vervolg: string];

interface DemoReflection {
	student: (ctx: DemoContext) => number | undefined;
	planned?: string;
	type: ActivityType;
	date: string;
	place: string;
	title: string;
	parts: Parts;
	competencies: CompetencySlug[];
	visibility: Visibility;
	finished: boolean;
	/** Earlier saved states, oldest first: the versions page has something to show. */
	earlier?: Partial<Record<'doel' | 'resultaat' | 'evaluatie' | 'vervolg', string>>[];
}

const vmbo = (i: number) => (ctx: DemoContext) => ctx.students.vmbo[i];
const mbo = (i: number) => (ctx: DemoContext) => ctx.students.mbo[i];

const PLANNED = [
	{
		key: 'markt',
		group: 'kb3',
		type: 'beroepenmarkt',
		title: 'Beroepenmarkt Regio Rivierenland',
		date: '2026-10-08',
		place: 'Evenementenhal Gorinchem'
	},
	{
		key: 'gastles',
		group: 'kb3',
		type: 'gastles',
		title: 'Gastles: een dag als verpleegkundige',
		date: '2026-09-24',
		place: 'Lokaal 2.14'
	},
	{
		key: 'meeloop',
		group: 'kb3',
		type: 'meeloopdag',
		title: 'Meeloopdag bij een bedrijf naar keuze',
		date: '2026-11-12',
		place: ''
	},
	{
		key: 'opendag',
		group: 'kb3',
		type: 'open_dag',
		title: 'Open dag mbo Da Vinci College',
		date: '2027-01-24',
		place: 'Da Vinci College, Dordrecht'
	},
	{
		key: 'bezoek',
		group: 'zw2',
		type: 'bedrijfsbezoek',
		title: 'Bezoek woonzorgcentrum De Linde',
		date: '2026-10-15',
		place: 'De Linde, Utrecht'
	},
	{ key: 'bpv', group: 'zw2', type: 'bpv', title: 'Start BPV-periode 1', date: '2026-11-02', place: '' },
	{
		key: 'test',
		group: null,
		type: 'test',
		title: 'Loopbaanweek: interessetest',
		date: '2026-09-10',
		place: 'Aula'
	}
] as const;

const REFLECTIONS: DemoReflection[] = [
	{
		student: vmbo(0),
		planned: 'markt',
		type: 'beroepenmarkt',
		date: '2026-10-08',
		place: 'Evenementenhal Gorinchem',
		title: 'Beroepenmarkt',
		parts: [
			'Ik wilde weten welke beroepen er zijn in de zorg en in de kappersbranche.',
			'Ik heb met een kapster en met een verpleegkundige gepraat. Ik mocht een pop haar föhnen. Ik heb een folder van het ROC meegenomen.',
			'Ik vond de stand van de kapper het leukst, omdat ik meteen iets mocht doen. Bij de zorg was het vooral praten.',
			'Nu ga ik een meeloopdag bij een kapsalon regelen. Ik vraag het aan de kapster van mijn moeder.'
		],
		competencies: ['werkexploratie', 'netwerken'],
		visibility: 'mentor',
		finished: true,
		earlier: [{ doel: 'Ik wilde weten welke beroepen er zijn.', resultaat: '', evaluatie: '', vervolg: '' }]
	},
	{
		student: vmbo(0),
		planned: 'gastles',
		type: 'gastles',
		date: '2026-09-24',
		place: 'Lokaal 2.14',
		title: 'Gastles verpleegkundige',
		parts: [
			'Ik wilde weten of werken in het ziekenhuis iets voor mij is.',
			'Een verpleegkundige vertelde over haar dag. Ze begint om zeven uur. Ze werkt ook in het weekend.',
			'Ik vond het mooi dat ze mensen helpt. Maar ik vind bloed eng, dus ik twijfel.',
			'Nu ga ik kijken of er zorgwerk is zonder bloed. Bijvoorbeeld in de kinderopvang.'
		],
		competencies: ['motieven', 'werkexploratie'],
		visibility: 'dossier',
		finished: true
	},
	{
		student: vmbo(0),
		planned: 'meeloop',
		type: 'meeloopdag',
		date: '2026-11-12',
		place: 'Kapsalon Knipwerk, Gorinchem',
		title: 'Meeloopdag bij Kapsalon Knipwerk',
		parts: [
			'Ik wilde weten hoe een hele dag in een kapsalon is.',
			'Ik heb haren gewassen, de vloer geveegd en koffie gemaakt. Ik heb gekeken hoe je krullen knipt.',
			'Ik vond het leuk om met klanten te praten. Ik vond het zwaar om de hele dag te staan. Ik kan goed luisteren, zei de eigenaar.',
			'Nu ga ik me aanmelden voor de opleiding Kapper op het mbo. Ik ga eerst naar de open dag.'
		],
		competencies: ['kwaliteiten', 'werkexploratie', 'loopbaansturing'],
		visibility: 'mentor',
		finished: true,
		earlier: [
			{
				doel: 'Ik wilde weten hoe een dag in een kapsalon is.',
				resultaat: 'Haren gewassen.',
				evaluatie: '',
				vervolg: ''
			},
			{ evaluatie: 'Ik vond het leuk. Wel zwaar.', vervolg: '' }
		]
	},
	{
		student: vmbo(0),
		planned: 'test',
		type: 'test',
		date: '2026-09-10',
		place: 'Aula',
		title: 'Interessetest',
		parts: [
			'Ik wilde weten wat bij mij past.',
			'Ik heb veertig vragen ingevuld. Uit de test kwam: verzorging en creatief.',
			'Ik vond het klopte wel. Ik ben graag met mensen bezig en ik maak graag mooie dingen.',
			'Nu ga ik beroepen bekijken die verzorging en creatief samen doen.'
		],
		competencies: ['kwaliteiten'],
		visibility: 'private',
		finished: true
	},
	{
		student: vmbo(0),
		type: 'bijbaan',
		date: '2026-11-21',
		place: 'Jumbo Gorinchem',
		title: 'Mijn bijbaan bij de Jumbo',
		parts: [
			'Ik wilde eigen geld verdienen en zien hoe werken is.',
			'Ik vul vakken op zaterdag. Soms help ik bij de kassa.',
			'Ik vind het fijn dat mijn collega’s aardig zijn. ',
			''
		],
		competencies: ['kwaliteiten', 'netwerken'],
		visibility: 'mentor',
		finished: false
	},
	{
		student: vmbo(1),
		planned: 'markt',
		type: 'beroepenmarkt',
		date: '2026-10-08',
		place: 'Evenementenhal Gorinchem',
		title: 'Beroepenmarkt: techniek',
		parts: [
			'Ik wilde weten wat een monteur doet.',
			'Ik heb bij de stand van een installatiebedrijf een kraan aangesloten.',
			'Dat ging goed. Ik werk graag met mijn handen.',
			'Nu ga ik vragen of ik mag meelopen bij mijn oom. Hij is loodgieter.'
		],
		competencies: ['werkexploratie', 'kwaliteiten'],
		visibility: 'mentor',
		finished: true
	},
	{
		student: vmbo(1),
		planned: 'meeloop',
		type: 'meeloopdag',
		date: '2026-11-12',
		place: 'Installatiebedrijf Yilmaz & Zn',
		title: 'Meelopen met mijn oom',
		parts: [
			'Ik wilde zien of loodgieter echt iets voor mij is.',
			'We hebben een badkamer gesloopt en nieuwe leidingen gelegd.',
			'Het was vies maar ook leuk. Ik was moe aan het eind van de dag.',
			'Nu ga ik kijken naar de opleiding Eerste monteur installatietechniek.'
		],
		competencies: ['werkexploratie', 'loopbaansturing', 'netwerken'],
		visibility: 'dossier',
		finished: true
	},
	{
		student: vmbo(1),
		type: 'hobby',
		date: '2026-10-30',
		place: 'Sportpark De Wielewaal',
		title: 'Voetbaltrainer bij de F-jes',
		parts: [
			'Ik wilde weten of ik goed ben met kinderen.',
			'Ik geef elke woensdag training.',
			'Ik vind het leuk, maar soms luisteren ze niet.',
			''
		],
		competencies: ['kwaliteiten', 'motieven'],
		visibility: 'private',
		finished: false
	},
	{
		student: vmbo(2),
		planned: 'gastles',
		type: 'gastles',
		date: '2026-09-24',
		place: 'Lokaal 2.14',
		title: 'Gastles zorg',
		parts: [
			'Ik wilde meer weten over werken in de zorg.',
			'We hoorden een verhaal van een verpleegkundige.',
			'Ik vond het interessant. Ik wil later mensen helpen.',
			'Nu ga ik een snuffelstage zoeken in een verpleeghuis.'
		],
		competencies: ['motieven'],
		visibility: 'mentor',
		finished: true
	},
	{
		student: vmbo(4),
		planned: 'markt',
		type: 'beroepenmarkt',
		date: '2026-10-08',
		place: 'Evenementenhal Gorinchem',
		title: 'Beroepenmarkt',
		parts: [
			'Ik wilde weten wat je bij de politie doet.',
			'Ik heb met een agent gepraat en in een politieauto gezeten.',
			'Ik vond het stoer. Je moet wel goed kunnen sporten.',
			'Nu ga ik meer sporten en info zoeken over de opleiding Veiligheid.'
		],
		competencies: ['werkexploratie', 'loopbaansturing'],
		visibility: 'mentor',
		finished: true
	},
	{
		student: vmbo(4),
		type: 'lob_les',
		date: '2026-11-05',
		place: '',
		title: 'Mentorles: mijn kwaliteiten',
		parts: ['Ik wilde weten wat anderen goed aan mij vinden.', 'Mijn klasgenoten schreven briefjes.', '', ''],
		competencies: ['kwaliteiten'],
		visibility: 'mentor',
		finished: false
	},
	{
		student: vmbo(5),
		planned: 'test',
		type: 'test',
		date: '2026-09-10',
		place: 'Aula',
		title: 'Test',
		parts: ['Weten wat ik wil.', 'Test gedaan. Er kwam techniek uit.', 'Klopt denk ik.', 'Niks nog.'],
		competencies: ['kwaliteiten'],
		visibility: 'private',
		finished: true
	},
	{
		student: vmbo(6),
		planned: 'gastles',
		type: 'gastles',
		date: '2026-09-24',
		place: 'Lokaal 2.14',
		title: 'Gastles verpleegkundige',
		parts: [
			'Ik wilde weten hoe je verpleegkundige wordt.',
			'Je kunt mbo niveau 4 doen en daarna hbo. Ze vertelde over stages.',
			'Ik vond het goed dat het zo duidelijk was. Ik wil dit echt.',
			'Nu ga ik met mijn mentor praten over de theoretische leerweg.'
		],
		competencies: ['loopbaansturing', 'netwerken'],
		visibility: 'dossier',
		finished: true
	},
	{
		student: mbo(0),
		planned: 'bezoek',
		type: 'bedrijfsbezoek',
		date: '2026-10-15',
		place: 'De Linde, Utrecht',
		title: 'Bezoek De Linde',
		parts: [
			'Ik wilde zien hoe het werk op een afdeling met ouderen met dementie is.',
			'We kregen een rondleiding. Ik heb koffie geschonken en met een meneer over voetbal gepraat.',
			'Ik vond het rustiger dan ik dacht. Ik kan goed geduld hebben, merkte ik.',
			'Nu ga ik vragen of ik mijn BPV op deze afdeling mag doen.'
		],
		competencies: ['werkexploratie', 'kwaliteiten'],
		visibility: 'mentor',
		finished: true
	},
	{
		student: mbo(0),
		planned: 'bpv',
		type: 'bpv',
		date: '2026-11-02',
		place: 'De Linde, afdeling Zonnebloem',
		title: 'Eerste weken BPV',
		parts: [
			'Ik wilde leren hoe je iemand helpt met wassen en aankleden.',
			'Ik heb drie cliënten geholpen, samen met mijn praktijkbegeleider. Ik schrijf ook in het dossier.',
			'Het eerste moment was spannend. Nu gaat het beter. Rapporteren vind ik nog moeilijk.',
			'Nu ga ik elke dag één rapportage laten nakijken door mijn begeleider.'
		],
		competencies: ['kwaliteiten', 'loopbaansturing', 'netwerken'],
		visibility: 'dossier',
		finished: true,
		earlier: [{ evaluatie: 'Spannend.', vervolg: '' }]
	},
	{
		student: mbo(0),
		type: 'vrijwilligerswerk',
		date: '2026-09-19',
		place: 'Voedselbank Utrecht',
		title: 'Vrijwilliger bij de voedselbank',
		parts: [
			'Ik wilde iets doen voor mensen in mijn wijk.',
			'Ik pak op zaterdag pakketten in.',
			'Ik vind het goed werk. Ik merk dat ik graag help.',
			''
		],
		competencies: ['motieven'],
		visibility: 'private',
		finished: false
	},
	{
		student: mbo(1),
		planned: 'bezoek',
		type: 'bedrijfsbezoek',
		date: '2026-10-15',
		place: 'De Linde, Utrecht',
		title: 'Woonzorgcentrum',
		parts: [
			'Ik wilde weten of ik in de ouderenzorg wil werken.',
			'We liepen mee met een verzorgende. Ik zag hoe ze het eten geeft.',
			'Ik vond het mooi, maar ik werk liever met kinderen.',
			'Nu ga ik een BPV-plek zoeken in de kinderopvang.'
		],
		competencies: ['motieven', 'werkexploratie'],
		visibility: 'mentor',
		finished: true
	},
	{
		student: mbo(1),
		type: 'proefstuderen',
		date: '2026-11-18',
		place: 'ROC Midden Nederland',
		title: 'Proefstuderen Pedagogisch werk',
		parts: [
			'Ik wilde weten hoe de opleiding Pedagogisch medewerker is.',
			'Ik volgde twee lessen en deed een spelactiviteit met een groep.',
			'Het paste goed bij mij. De docenten waren aardig.',
			'Nu ga ik me aanmelden voor volgend jaar.'
		],
		competencies: ['loopbaansturing'],
		visibility: 'dossier',
		finished: true
	},
	{
		student: mbo(3),
		planned: 'bpv',
		type: 'bpv',
		date: '2026-11-02',
		place: 'Thuiszorg Zuid',
		title: 'BPV thuiszorg',
		parts: [
			'Ik wilde de thuiszorg leren kennen.',
			'Ik ga mee op de fiets langs cliënten.',
			'Ik vind het fijn om veel buiten te zijn.',
			'Nu ga ik mijn leerdoelen opschrijven.'
		],
		competencies: ['werkexploratie'],
		visibility: 'mentor',
		finished: true
	},
	{
		student: mbo(4),
		type: 'bijbaan',
		date: '2026-10-01',
		place: 'Snackbar De Hoek',
		title: 'Bijbaan',
		parts: ['Geld verdienen.', '', '', ''],
		competencies: [],
		visibility: 'mentor',
		finished: false
	}
];

const DAY = 24 * 60 * 60 * 1000;

export function seedReflections(ctx: DemoContext): void {
	const plannedIds = new Map<string, number>();
	for (const p of PLANNED) {
		const groupId = p.group ? ctx.groups[p.group] : null;
		const row = ctx.db
			.insert(activity)
			.values({
				schoolId: ctx.schoolId,
				type: p.type,
				title: p.title,
				date: p.date,
				place: p.place,
				schoolYearId: ctx.schoolYearId,
				audience: groupId ? 'groups' : 'school',
				organiserId: ctx.coordinator,
				createdBy: ctx.coordinator
			})
			.returning({ id: activity.id })
			.get();
		if (groupId)
			ctx.db.insert(activityGroup).values({ activityId: row.id, groupId, schoolId: ctx.schoolId }).run();
		plannedIds.set(p.key, row.id);
	}
	for (const r of REFLECTIONS) {
		const studentId = r.student(ctx);
		if (studentId === undefined) continue;
		const [doel, resultaat, evaluatie, vervolg] = r.parts;
		const final = { doel, resultaat, evaluatie, vervolg };
		type Text = { doel: string; resultaat: string; evaluatie: string; vervolg: string };
		const empty: Text = { doel: '', resultaat: '', evaluatie: '', vervolg: '' };
		const steps = [...(r.earlier ?? []), final];
		const history = steps.map((_, i) => ({
			...steps.slice(0, i + 1).reduce<Text>((acc, s) => ({ ...acc, ...s }) as Text, empty),
			version: i + 1
		}));
		// Written the evening after the activity, and improved a day later each time.
		const written = new Date(`${r.date}T19:30:00Z`).getTime();
		const last = history.length;
		const updatedAt = new Date(written + (last - 1) * DAY);
		const row = ctx.db
			.insert(reflection)
			.values({
				schoolId: ctx.schoolId,
				studentId,
				activityId: r.planned ? (plannedIds.get(r.planned) ?? null) : null,
				activityType: r.type,
				activityDate: r.date,
				activityPlace: r.place,
				title: r.title,
				...final,
				visibility: r.visibility,
				version: last,
				finishedAt: r.finished ? updatedAt : null,
				createdAt: new Date(written),
				updatedAt
			})
			.returning({ id: reflection.id })
			.get();
		if (r.competencies.length)
			ctx.db
				.insert(reflectionCompetency)
				.values(
					r.competencies.map((competency) => ({ reflectionId: row.id, schoolId: ctx.schoolId, competency }))
				)
				.run();
		ctx.db
			.insert(reflectionVersion)
			.values(
				history.map((h) => ({
					reflectionId: row.id,
					schoolId: ctx.schoolId,
					version: h.version,
					title: r.title,
					doel: h.doel,
					resultaat: h.resultaat,
					evaluatie: h.evaluatie,
					vervolg: h.vervolg,
					visibility: r.visibility,
					competencies: r.competencies,
					savedAt: new Date(written + (h.version - 1) * DAY)
				}))
			)
			.run();
	}
}
