/**
 * The built-in demo: the GLO.ACT Community of Practice workshop of 20–21 May
 * 2019 at the Vienna International Centre, as its concept note describes it.
 */
import { demoTranslations } from './demoTranslations.js';
import type { WorkshopDefinition } from './model.js';

export const demoWorkshopId = 'glo-act-cop-2019';

export const demoDefinition: WorkshopDefinition = {
  title: 'GLO.ACT Community of Practice Workshop',
  subtitle: 'Peer to peer exchange — Global Action against Trafficking in Persons and the Smuggling of Migrants',
  venue: 'Room C06, Vienna International Centre, Vienna, Austria',
  timeZone: 'Europe/Vienna',
  goals: [
    'Formally introduce the next phase of the GLO.ACT project: GLO.ACT Asia and the Middle East',
    'Acknowledge the efforts of GLO.ACT partner governments in addressing TIP and SOM in a sustainable manner across all six project objectives',
    'Facilitate a dialogue and information exchange between the countries, pooling valuable learning and creating new knowledge which participants can take back into their own contexts',
    'Promote joined-up thinking around particular patterns of movement and exploitation and the most effective responses',
    'Explore synergies between the first and second phase countries of GLO.ACT and GLO.ACT Asia and the Middle East',
    'Identify concrete inputs for the development of workplans in GLO.ACT Asia and Middle East countries',
  ],
  objectives: [
    { id: 'strategy', short: 'Strategy & policy', title: 'Strategy and policy development' },
    { id: 'legislation', short: 'Legislation', title: 'Legislative review and harmonisation' },
    { id: 'capability', short: 'Capability', title: 'Capability development of practitioners' },
    { id: 'cooperation', short: 'Cooperation', title: 'Regional and trans-regional cooperation' },
    { id: 'protection', short: 'Victim protection', title: 'Protection and assistance to victims of trafficking and vulnerable migrants' },
    { id: 'children', short: 'Children', title: 'Assistance and support to children' },
  ],
  countries: [
    { code: 'BY', phases: [1] },
    { code: 'BR', phases: [1] },
    { code: 'CO', phases: [1] },
    { code: 'EG', phases: [1] },
    { code: 'KG', phases: [1] },
    { code: 'LA', phases: [1] },
    { code: 'ML', phases: [1] },
    { code: 'MA', phases: [1] },
    { code: 'NP', phases: [1] },
    { code: 'NE', phases: [1] },
    { code: 'PK', phases: [1, 2] },
    { code: 'ZA', phases: [1] },
    { code: 'UA', phases: [1] },
    { code: 'AF', phases: [2] },
    { code: 'BD', phases: [2] },
    { code: 'IR', phases: [2] },
    { code: 'IQ', phases: [2] },
  ],
  organisations: [
    { id: 'unodc', short: 'UNODC', name: 'United Nations Office on Drugs and Crime', kind: 'un' },
    { id: 'iom', short: 'IOM', name: 'International Organization for Migration', kind: 'un' },
    { id: 'unicef', short: 'UNICEF', name: "United Nations Children's Fund", kind: 'un' },
    { id: 'eu', short: 'EU', name: 'European Union', kind: 'donor' },
  ],
  days: [
    {
      id: 'day-1',
      date: '2019-05-20',
      title: 'Day 1',
      items: [
        {
          id: 'd1-opening',
          start: '14:30',
          end: '14:50',
          kind: 'plenary',
          title: 'Opening remarks',
          speaker: 'UNODC Executive Director; European Union',
          steps: [
            { id: 'welcome', kind: 'showMessage', text: 'Welcome to Vienna. Join with the code on the screen to take part.' },
            { id: 'opening-board', kind: 'showBoard', boardId: 'synergy-map' },
            { id: 'opening-poll', kind: 'launchPoll', pollId: 'opening-question' },
            { id: 'opening-timer', kind: 'startTimer', minutes: 2, label: 'Answer the opening question' },
          ],
        },
        {
          id: 'd1-next-phase',
          start: '14:50',
          end: '15:20',
          kind: 'presentation',
          title: 'Introducing GLO.ACT Asia and the Middle East',
          speaker: 'UNODC and IOM',
          steps: [
            { id: 'next-phase-qa', kind: 'openQa', bring: false },
            { id: 'next-phase-home', kind: 'bringEveryone', place: { kind: 'home' } },
          ],
        },
        {
          id: 'd1-results',
          start: '15:20',
          end: '16:00',
          kind: 'presentation',
          title: 'Six objectives, thirteen countries: what partner governments achieved',
          speaker: 'Government focal points of first-phase countries',
          steps: [
            { id: 'results-timer', kind: 'startTimer', minutes: 30, label: 'Presentations' },
            { id: 'results-qa', kind: 'openQa', bring: true },
          ],
        },
        {
          id: 'd1-expectations',
          start: '16:00',
          end: '16:20',
          kind: 'poll',
          title: 'What will you take home from this workshop?',
          steps: [
            { id: 'take-home-poll', kind: 'launchPoll', pollId: 'take-home' },
            { id: 'take-home-timer', kind: 'startTimer', minutes: 3, label: 'Answer the poll' },
          ],
        },
        {
          id: 'd1-wrap-up',
          start: '16:20',
          end: '16:30',
          kind: 'plenary',
          title: 'Wrap-up of day 1',
          steps: [
            { id: 'wrap-up-home', kind: 'bringEveryone', place: { kind: 'home' } },
            { id: 'wrap-up-message', kind: 'showMessage', text: 'Thank you for today. We start again tomorrow at 09:00.' },
          ],
        },
      ],
    },
    {
      id: 'day-2',
      date: '2019-05-21',
      title: 'Day 2',
      items: [
        {
          id: 'd2-recap',
          start: '09:00',
          end: '09:15',
          kind: 'plenary',
          title: 'Welcome back and recap',
          steps: [
            { id: 'recap-message', kind: 'showMessage', text: 'Welcome back. Yesterday’s synergy map is open: add what struck you.' },
            { id: 'recap-board', kind: 'showBoard', boardId: 'synergy-map' },
          ],
        },
        {
          id: 'd2-practices',
          start: '09:15',
          end: '10:30',
          kind: 'plenary',
          title: 'Good practices across the six objectives: peer exchange',
          description: 'What works, what does not, and why — from the countries that tried it.',
          steps: [
            { id: 'practices-board', kind: 'showBoard', board: { title: 'Good practices: what works, and why', template: 'synergy' } },
            { id: 'practices-timer', kind: 'startTimer', minutes: 60, label: 'Peer exchange' },
            { id: 'practices-qa', kind: 'openQa', bring: true },
          ],
        },
        {
          id: 'd2-break-1',
          start: '10:30',
          end: '10:45',
          kind: 'break',
          title: 'Coffee break',
          steps: [{ id: 'break-1-timer', kind: 'startTimer', minutes: 15, label: 'Coffee break' }],
        },
        {
          id: 'd2-synergies',
          start: '10:45',
          end: '12:00',
          kind: 'breakout',
          title: 'Synergy maps: first- and second-phase countries',
          description: 'Mixed groups map shared challenges and transferable good practices objective by objective.',
          steps: [
            {
              id: 'synergies-round',
              kind: 'startRound',
              plan: {
                title: 'Synergy maps: first- and second-phase countries',
                method: 'balanced',
                groups: { by: 'size', size: 6 },
                minutes: 60,
                questions: [
                  'Which challenge does your country share with a country of the other phase?',
                  'Which good practice from a first-phase country could work in a second-phase country, and what would it need?',
                  'Under which of the six objectives is the strongest synergy?',
                ],
                template: 'synergy',
              },
            },
          ],
        },
        {
          id: 'd2-report-back',
          start: '12:00',
          end: '12:30',
          kind: 'plenary',
          title: 'Report-back from the groups',
          steps: [
            { id: 'report-back-home', kind: 'bringEveryone', place: { kind: 'home' } },
            { id: 'report-back-timer', kind: 'startTimer', minutes: 3, label: 'Each group’s report' },
          ],
        },
        {
          id: 'd2-lunch',
          start: '12:30',
          end: '13:30',
          kind: 'break',
          title: 'Lunch',
          steps: [{ id: 'lunch-message', kind: 'showMessage', text: 'Lunch is served. We start again at 13:30.' }],
        },
        {
          id: 'd2-patterns',
          start: '13:30',
          end: '14:30',
          kind: 'breakout',
          title: 'Patterns of movement and exploitation',
          description: 'Origin, transit and destination: routes, exploitation and the most effective responses.',
          steps: [
            {
              id: 'patterns-round',
              kind: 'startRound',
              plan: {
                title: 'Patterns of movement and exploitation',
                method: 'balanced',
                groups: { by: 'size', size: 6 },
                minutes: 50,
                questions: [
                  'Which routes link your country to others at this table: as origin, transit or destination?',
                  'Which forms of exploitation do you see along them?',
                  'Which response worked best, and who had to work together for it?',
                ],
                template: 'patterns',
              },
            },
          ],
        },
        {
          id: 'd2-break-2',
          start: '14:30',
          end: '14:45',
          kind: 'break',
          title: 'Coffee break',
          steps: [{ id: 'break-2-timer', kind: 'startTimer', minutes: 15, label: 'Coffee break' }],
        },
        {
          id: 'd2-workplans',
          start: '14:45',
          end: '15:45',
          kind: 'breakout',
          title: 'Concrete inputs for country workplans',
          steps: [
            {
              id: 'workplans-round',
              kind: 'startRound',
              plan: {
                title: 'Concrete inputs for country workplans',
                method: 'balanced',
                groups: { by: 'size', size: 6 },
                minutes: 50,
                questions: [
                  'Which action should your country’s workplan hold, under which objective?',
                  'Who leads it, with which partners, and by when?',
                  'What support would it need from GLO.ACT or from peers?',
                ],
                template: 'workplan',
              },
            },
          ],
        },
        {
          id: 'd2-priorities',
          start: '15:45',
          end: '16:15',
          kind: 'poll',
          title: 'Agreeing priorities for the workplans',
          steps: [
            { id: 'priorities-rank', kind: 'launchPoll', pollId: 'priorities-ranking' },
            { id: 'priorities-spread', kind: 'launchPoll', pollId: 'priorities-points' },
            { id: 'priorities-place', kind: 'launchPoll', pollId: 'priorities-matrix' },
          ],
        },
        {
          id: 'd2-closing',
          start: '16:15',
          end: '16:30',
          kind: 'plenary',
          title: 'Closing remarks',
          steps: [
            { id: 'closing-home', kind: 'bringEveryone', place: { kind: 'home' } },
            { id: 'closing-message', kind: 'showMessage', text: 'Thank you. The report and the workplan inputs will reach every focal point.' },
          ],
        },
      ],
    },
  ],
  boards: [{ id: 'synergy-map', title: 'Synergy map: what first- and second-phase countries share', template: 'synergy' }],
  polls: [
    {
      id: 'opening-question',
      agendaItemId: 'd1-opening',
      question: 'On which of the six objectives does your country most want to learn from others?',
      spec: { kind: 'single', options: objectiveOptions() },
      settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' },
    },
    {
      id: 'take-home',
      agendaItemId: 'd1-expectations',
      question: 'What will you take home from this workshop? (up to three words)',
      spec: { kind: 'wordCloud', maxWords: 3, maxLength: 30 },
      settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' },
    },
    {
      id: 'priorities-ranking',
      agendaItemId: 'd2-priorities',
      question: 'Rank the six objectives by priority for your country’s workplan',
      spec: { kind: 'ranking', options: objectiveOptions() },
      settings: { anonymous: false, results: 'live', countBy: 'country', segmentBy: 'phase' },
    },
    {
      id: 'priorities-points',
      agendaItemId: 'd2-priorities',
      question: 'Spread 100 points over the objectives where your country needs support most',
      spec: { kind: 'points', options: objectiveOptions(), budget: 100, spendAll: true },
      settings: { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'phase' },
    },
    {
      id: 'priorities-matrix',
      agendaItemId: 'd2-priorities',
      question: 'Place each objective by its impact and the effort it takes',
      spec: {
        kind: 'matrix',
        options: objectiveOptions(),
        x: { label: 'Effort', low: 'low', high: 'high' },
        y: { label: 'Impact', low: 'low', high: 'high' },
      },
      settings: { anonymous: true, results: 'afterClose', countBy: 'person', segmentBy: 'none' },
    },
  ],
  translations: demoTranslations,
};

/** The six objectives as poll options. */
function objectiveOptions() {
  return [
    { id: 'strategy', label: 'Strategy and policy development' },
    { id: 'legislation', label: 'Legislative review and harmonisation' },
    { id: 'capability', label: 'Capability development of practitioners' },
    { id: 'cooperation', label: 'Regional and trans-regional cooperation' },
    { id: 'protection', label: 'Protection and assistance to victims' },
    { id: 'children', label: 'Assistance and support to children' },
  ];
}

/** A blank workshop to start from: one day, no countries yet. */
export function blankDefinition(title: string, date: string): WorkshopDefinition {
  return {
    title,
    venue: '',
    timeZone: 'UTC',
    goals: [],
    objectives: [],
    countries: [],
    organisations: [],
    days: [{ id: 'day-1', date, title: 'Day 1', items: [] }],
  };
}
