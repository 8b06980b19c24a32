/**
 * Pieces of the report that every format writes the same way: a step that
 * ran, in words, and the table of workplan inputs.
 */
import type { Attribution, ReportInput, ReportPoll, ReportStep, ReportStepAction } from '@plenary/shared';
import type { ReportText } from './reportText.js';

/** A step that ran, in words: what it did and on what, or what it did alone when the target is unknown (a poll or board since deleted). */
export function stepText(s: ReportStepAction, t: ReportText): string {
  switch (s.kind) {
    case 'showBoard':
      return s.board ? t('step.showBoard.on', { board: s.board }) : t('step.showBoard');
    case 'launchPoll':
      return s.question ? t('step.launchPoll.on', { question: s.question }) : t('step.launchPoll');
    case 'startRound':
      return s.round ? t('step.startRound.on', { round: s.round }) : t('step.startRound');
    case 'startTimer':
      return s.label ? t('step.startTimer.on', { minutes: s.minutes, label: s.label }) : t('step.startTimer', { minutes: s.minutes });
    case 'openQa':
      return s.bring ? t('step.openQa.bring') : t('step.openQa');
    case 'showMessage':
      return s.text ? t('step.showMessage.on', { text: s.text }) : t('step.showMessage');
    case 'bringEveryone':
      if (s.place.kind === 'home') return t('step.bringEveryone.home');
      if (s.place.kind === 'questions') return t('step.bringEveryone.questions');
      return s.place.board ? t('step.bringEveryone.on', { board: s.place.board }) : t('step.bringEveryone');
  }
}

/** A step that ran as one line, the time it ran first: "10:05 · Poll launched: …". */
export function stepLine(s: ReportStep, t: ReportText): string {
  return s.at ? `${s.at} · ${stepText(s, t)}` : stepText(s, t);
}

/**
 * The workplan inputs as a table, the same in every format: the header and one
 * row of cells per input. `first`: the column the grouping leaves out is the
 * owner's or the objective's. `quoteBreak` goes between a source and its quote
 * (a new line in Word, a dash where a cell is one line).
 */
export function inputCells(list: ReportInput[], t: ReportText, first: 'owner' | 'objective', showProposer: boolean, quoteBreak: string): { head: string[]; rows: string[][] } {
  return {
    head: [first === 'owner' ? t('objective') : t('country'), t('action'), t('lead'), t('partners'), t('timeframe'), t('priority'), t('status'), t('source'), ...(showProposer ? [t('proposedBy')] : [])],
    rows: list.map((i) => [
      first === 'owner' ? i.objective : i.owner,
      i.action,
      i.lead,
      i.partners,
      i.timeframe,
      t(`priority.${i.priority}`),
      t(`status.${i.status}`),
      i.source ? `${t(`source.${i.source.kind}`)}${i.source.label ? `: ${i.source.label}` : ''}${i.source.quote ? `${quoteBreak}“${i.source.quote}”` : ''}` : '',
      ...(showProposer ? [i.proposedBy ?? ''] : []),
    ]),
  };
}

/** A poll's kind and how it was counted, in one line: "Single choice · 2 ballots; named." */
export function pollLine(p: ReportPoll, t: ReportText): string {
  const meta = t('pollMeta', { received: p.received, counted: p.counted, anonymous: p.anonymous, perCountry: p.countBy === 'country', open: p.status === 'open' });
  return `${t(`pollKind.${p.kind}`)} · ${meta}`;
}

/** Why the report shows no names, or '' when it does. */
export function withheldNote(attribution: Attribution, t: ReportText): string {
  return attribution === 'named' ? '' : t(`namesWithheld.${attribution}`);
}
