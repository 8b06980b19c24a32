/**
 * The words of the workshop report, per language: headings, column labels,
 * statuses. The report is written in the workshop's language; languages
 * without a catalog here fall back to English.
 */
import type { AgendaItemKind, InputSourceKind, InputStatus, ItemTag, PollKind, Priority, Report, ReportInput, ReportStep, ReportStepAction } from '@plenary/shared';

export interface ReportText {
  report: string;
  generated: string;
  venue: string;
  dates: string;
  contents: string;
  goals: string;
  objectives: string;
  agenda: string;
  time: string;
  item: string;
  kind: string;
  speaker: string;
  startedAt: string;
  notStarted: string;
  kinds: Record<AgendaItemKind, string>;
  /** What lists the steps run under an agenda item. */
  stepsRun: string;
  /** A step that ran, in words: what it did and on what ("Poll launched: …"). */
  step: (s: ReportStepAction) => string;
  attendance: string;
  attendanceSummary: (total: number, facilitators: number, observers: number) => string;
  country: string;
  organisation: string;
  phase: string;
  people: string;
  names: string;
  noAffiliation: string;
  namesWithheld: Record<Report['attribution'], string>;
  polls: string;
  noPolls: string;
  pollKinds: Record<PollKind, string>;
  pollMeta: (p: { received: number; counted: number; anonymous: boolean; perCountry: boolean; open: boolean }) => string;
  option: string;
  units: Record<Report['polls'][number]['unit'], string>;
  share: string;
  answers: string;
  noAnswers: string;
  meanPosition: (x: string, y: string) => string;
  findings: string;
  noFindings: string;
  members: (n: number) => string;
  noFindingsWritten: string;
  guidingAnswers: string;
  noAnswerWritten: string;
  groupChat: string;
  boards: string;
  noBoards: string;
  boardContent: string;
  inputs: string;
  inputsByOwner: string;
  inputsByObjective: string;
  inputsSummary: (shown: number, dropped: number) => string;
  noInputs: string;
  matrix: string;
  total: string;
  missing: string;
  missingOwners: string;
  missingObjectives: string;
  nothingMissing: string;
  objective: string;
  action: string;
  lead: string;
  partners: string;
  timeframe: string;
  priority: string;
  status: string;
  source: string;
  proposedBy: string;
  statuses: Record<InputStatus, string>;
  priorities: Record<Priority, string>;
  sources: Record<InputSourceKind, string>;
  attributionNote: Record<Report['attribution'], string>;
  boardTags: Record<ItemTag, string>;
  phaseOf: (phase: number) => string;
}

/** A label and what it is about, or the label alone when the target is unknown (a poll or board since deleted). */
const withTarget = (label: string, separator: string, target: string) => (target ? `${label}${separator}${target}` : label);

const en: ReportText = {
  report: 'Workshop report',
  generated: 'Generated',
  venue: 'Venue',
  dates: 'Dates',
  contents: 'Contents',
  goals: 'Goals',
  objectives: 'Objectives',
  agenda: 'Agenda as held',
  time: 'Time',
  item: 'Item',
  kind: 'Kind',
  speaker: 'Speaker',
  startedAt: 'Started',
  notStarted: '—',
  kinds: { plenary: 'Plenary', presentation: 'Presentation', breakout: 'Breakout groups', poll: 'Poll', break: 'Break', other: 'Other' },
  stepsRun: 'Steps run',
  step: (s) => {
    switch (s.kind) {
      case 'showBoard':
        return withTarget('Board shown', ': ', s.board);
      case 'launchPoll':
        return withTarget('Poll launched', ': ', s.question);
      case 'startRound':
        return withTarget('Breakout round started', ': ', s.round);
      case 'startTimer':
        return withTarget(`Timer: ${s.minutes} min`, ' — ', s.label);
      case 'openQa':
        return s.bring ? 'Questions opened, everyone brought to them' : 'Questions opened';
      case 'showMessage':
        return withTarget('Announcement', ': ', s.text);
      case 'bringEveryone':
        return `Everyone brought to ${s.place.kind === 'home' ? 'the workshop home' : s.place.kind === 'questions' ? 'the questions' : withTarget('the board', ' ', s.place.board && `“${s.place.board}”`)}`;
    }
  },
  attendance: 'Attendance',
  attendanceSummary: (t, f, o) => `${t} ${t === 1 ? 'person' : 'people'} took part: ${f} facilitating, ${o} observing.`,
  country: 'Country',
  organisation: 'Organisation',
  phase: 'Phase',
  people: 'People',
  names: 'Names',
  noAffiliation: 'No country or organisation',
  namesWithheld: { named: '', country: 'Names are not shown: this workshop attributes contributions by country only.', anonymous: 'Names are not shown: contributions in this workshop are anonymous.' },
  polls: 'Polls',
  noPolls: 'No polls were run.',
  pollKinds: { single: 'Single choice', multiple: 'Multiple choice', ranking: 'Ranking', points: 'Points', scale: 'Rating scale', matrix: '2×2 matrix', wordCloud: 'Word cloud', openText: 'Open answers' },
  pollMeta: (p) =>
    `${p.received} ${p.received === 1 ? 'ballot' : 'ballots'}${p.perCountry ? `, ${p.counted} counted (one vote per country)` : ''}; ${p.anonymous ? 'anonymous' : 'named'}${p.open ? '; still open' : ''}.`,
  option: 'Option',
  units: { votes: 'Votes', borda: 'Borda score', points: 'Points', mean: 'Mean rating', words: 'Mentions', none: '' },
  share: 'Share',
  answers: 'Answers',
  noAnswers: 'No answers were approved.',
  meanPosition: (x, y) => `Mean position (${x} × ${y})`,
  findings: "Groups' findings",
  noFindings: 'No breakout rounds were run.',
  members: (n) => `${n} ${n === 1 ? 'member' : 'members'}`,
  noFindingsWritten: 'No findings were written.',
  guidingAnswers: 'Guiding questions and answers',
  noAnswerWritten: 'No answer was written.',
  groupChat: 'Group chat',
  boards: 'Boards',
  noBoards: 'No boards were chosen for the report.',
  boardContent: 'On the board',
  inputs: 'Workplan inputs',
  inputsByOwner: 'By country and organisation',
  inputsByObjective: 'By objective',
  inputsSummary: (n, d) => `${n} ${n === 1 ? 'input' : 'inputs'}${d > 0 ? ` (${d} dropped, not listed)` : ''}.`,
  noInputs: 'No inputs.',
  matrix: 'Inputs per country and objective',
  total: 'Total',
  missing: 'What is missing',
  missingOwners: 'Countries with no input',
  missingObjectives: 'Objectives with no input',
  nothingMissing: 'Every country and every objective has at least one input.',
  objective: 'Objective',
  action: 'Action',
  lead: 'Lead institution',
  partners: 'Partners',
  timeframe: 'Timeframe',
  priority: 'Priority',
  status: 'Status',
  source: 'Source',
  proposedBy: 'Proposed by',
  statuses: { proposed: 'Proposed', agreed: 'Agreed', dropped: 'Dropped' },
  priorities: { high: 'High', medium: 'Medium', low: 'Low' },
  sources: { boardItem: 'Board', finding: 'Group finding', poll: 'Poll' },
  attributionNote: {
    named: 'Contributions are attributed by name.',
    country: 'Contributions are attributed by country or organisation only.',
    anonymous: 'Contributions are anonymous.',
  },
  boardTags: { phase1: 'First-phase countries', phase2: 'Second-phase countries', origin: 'Origin', transit: 'Transit', destination: 'Destination' },
  phaseOf: (n) => `Phase ${n}`,
};

const fr: ReportText = {
  report: 'Rapport de l’atelier',
  generated: 'Établi le',
  venue: 'Lieu',
  dates: 'Dates',
  contents: 'Sommaire',
  goals: 'Buts',
  objectives: 'Objectifs',
  agenda: 'Programme tel qu’il s’est déroulé',
  time: 'Heure',
  item: 'Point',
  kind: 'Type',
  speaker: 'Intervenant',
  startedAt: 'Commencé à',
  notStarted: '—',
  kinds: { plenary: 'Plénière', presentation: 'Présentation', breakout: 'Groupes de travail', poll: 'Sondage', break: 'Pause', other: 'Autre' },
  stepsRun: 'Étapes lancées',
  step: (s) => {
    switch (s.kind) {
      case 'showBoard':
        return withTarget('Tableau affiché', ' : ', s.board);
      case 'launchPoll':
        return withTarget('Sondage lancé', ' : ', s.question);
      case 'startRound':
        return withTarget('Groupes de travail lancés', ' : ', s.round);
      case 'startTimer':
        return withTarget(`Minuteur : ${s.minutes} min`, ' — ', s.label);
      case 'openQa':
        return s.bring ? 'Questions ouvertes, tout le monde y a été amené' : 'Questions ouvertes';
      case 'showMessage':
        return withTarget('Annonce', ' : ', s.text);
      case 'bringEveryone':
        return `Tout le monde amené ${s.place.kind === 'home' ? 'à l’accueil de l’atelier' : s.place.kind === 'questions' ? 'aux questions' : withTarget('au tableau', ' ', s.place.board && `« ${s.place.board} »`)}`;
    }
  },
  attendance: 'Participation',
  attendanceSummary: (t, f, o) => `${t} ${t <= 1 ? 'personne a' : 'personnes ont'} participé : ${f} à l’animation, ${o} comme observateurs.`,
  country: 'Pays',
  organisation: 'Organisation',
  phase: 'Phase',
  people: 'Personnes',
  names: 'Noms',
  noAffiliation: 'Sans pays ni organisation',
  namesWithheld: {
    named: '',
    country: 'Les noms ne sont pas indiqués : cet atelier n’attribue les contributions qu’aux pays.',
    anonymous: 'Les noms ne sont pas indiqués : les contributions de cet atelier sont anonymes.',
  },
  polls: 'Sondages',
  noPolls: 'Aucun sondage n’a eu lieu.',
  pollKinds: { single: 'Choix unique', multiple: 'Choix multiple', ranking: 'Classement', points: 'Répartition de points', scale: 'Échelle d’évaluation', matrix: 'Matrice 2×2', wordCloud: 'Nuage de mots', openText: 'Réponses libres' },
  pollMeta: (p) =>
    `${p.received} ${p.received <= 1 ? 'bulletin' : 'bulletins'}${p.perCountry ? `, ${p.counted} comptés (une voix par pays)` : ''} ; ${p.anonymous ? 'anonyme' : 'nominatif'}${p.open ? ' ; toujours ouvert' : ''}.`,
  option: 'Option',
  units: { votes: 'Voix', borda: 'Score de Borda', points: 'Points', mean: 'Note moyenne', words: 'Mentions', none: '' },
  share: 'Part',
  answers: 'Réponses',
  noAnswers: 'Aucune réponse n’a été approuvée.',
  meanPosition: (x, y) => `Position moyenne (${x} × ${y})`,
  findings: 'Conclusions des groupes',
  noFindings: 'Aucune session de groupes n’a eu lieu.',
  members: (n) => `${n} ${n <= 1 ? 'membre' : 'membres'}`,
  noFindingsWritten: 'Aucune conclusion n’a été rédigée.',
  guidingAnswers: 'Questions directrices et réponses',
  noAnswerWritten: 'Aucune réponse n’a été rédigée.',
  groupChat: 'Discussion du groupe',
  boards: 'Tableaux',
  noBoards: 'Aucun tableau n’a été choisi pour le rapport.',
  boardContent: 'Sur le tableau',
  inputs: 'Contributions aux plans de travail',
  inputsByOwner: 'Par pays et organisation',
  inputsByObjective: 'Par objectif',
  inputsSummary: (n, d) => `${n} ${n <= 1 ? 'contribution' : 'contributions'}${d > 0 ? ` (${d} abandonnées, non listées)` : ''}.`,
  noInputs: 'Aucune contribution.',
  matrix: 'Contributions par pays et par objectif',
  total: 'Total',
  missing: 'Ce qui manque',
  missingOwners: 'Pays sans contribution',
  missingObjectives: 'Objectifs sans contribution',
  nothingMissing: 'Chaque pays et chaque objectif a au moins une contribution.',
  objective: 'Objectif',
  action: 'Action',
  lead: 'Institution chef de file',
  partners: 'Partenaires',
  timeframe: 'Calendrier',
  priority: 'Priorité',
  status: 'Statut',
  source: 'Source',
  proposedBy: 'Proposée par',
  statuses: { proposed: 'Proposée', agreed: 'Adoptée', dropped: 'Abandonnée' },
  priorities: { high: 'Haute', medium: 'Moyenne', low: 'Basse' },
  sources: { boardItem: 'Tableau', finding: 'Conclusion de groupe', poll: 'Sondage' },
  attributionNote: {
    named: 'Les contributions sont attribuées nominativement.',
    country: 'Les contributions sont attribuées au seul pays ou à la seule organisation.',
    anonymous: 'Les contributions sont anonymes.',
  },
  boardTags: { phase1: 'Pays de la première phase', phase2: 'Pays de la deuxième phase', origin: 'Origine', transit: 'Transit', destination: 'Destination' },
  phaseOf: (n) => `Phase ${n}`,
};

const catalogs: Record<string, ReportText> = { en, fr };

/** The report's words in a language (English where there is no catalog). */
export function reportText(language: string): ReportText {
  return catalogs[language] ?? en;
}

/** Languages the report is written in; others get English. */
export const reportLanguages = Object.keys(catalogs);

/** A date ("2019-05-20") in words, in the language ("20 May 2019"). */
export function longDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** The dates of the workshop in words: "20–21 May 2019" style, as the language writes a range. */
export function dateRange(first: string | null, last: string | null, language: string): string {
  if (!first || !last) return '';
  const at = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  const f = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return first === last ? f.format(at(first)) : f.formatRange(at(first), at(last));
}

/** Country names in the report's language. */
export function countryNamer(language: string): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** A step that ran as one line, the time it ran first: "10:05 · Poll launched: …". */
export function stepLine(s: ReportStep, t: ReportText): string {
  return s.at ? `${s.at} · ${t.step(s)}` : t.step(s);
}

/**
 * The workplan inputs as a table, the same in every format: the header and one
 * row of cells per input. `first`: the column the grouping leaves out is the
 * owner's or the objective's. `quoteBreak` goes between a source and its quote
 * (a new line in Word, a dash where a cell is one line).
 */
export function inputCells(list: ReportInput[], t: ReportText, first: 'owner' | 'objective', showProposer: boolean, quoteBreak: string): { head: string[]; rows: string[][] } {
  return {
    head: [first === 'owner' ? t.objective : t.country, t.action, t.lead, t.partners, t.timeframe, t.priority, t.status, t.source, ...(showProposer ? [t.proposedBy] : [])],
    rows: list.map((i) => [
      first === 'owner' ? i.objective : i.owner,
      i.action,
      i.lead,
      i.partners,
      i.timeframe,
      t.priorities[i.priority],
      t.statuses[i.status],
      i.source ? `${t.sources[i.source.kind]}${i.source.label ? `: ${i.source.label}` : ''}${i.source.quote ? `${quoteBreak}“${i.source.quote}”` : ''}` : '',
      ...(showProposer ? [i.proposedBy ?? ''] : []),
    ]),
  };
}
