import type { BallotProblem } from '@plenary/shared';
import type { Translate } from '../../../i18n/useT';

/** A ballot problem in the voter's words. */
export function problemText(p: BallotProblem, t: Translate): string {
  switch (p.reason) {
    case 'wrongKind':
      return t('poll.error.wrongKind');
    case 'unknownOption':
      return t('poll.error.unknownOption');
    case 'noChoice':
      return t('poll.error.noChoice');
    case 'tooManyChoices':
      return t('poll.error.tooManyChoices', { count: p.max });
    case 'duplicateChoice':
      return t('poll.error.duplicateChoice');
    case 'duplicateRank':
      return t('poll.error.duplicateRank');
    case 'incompleteRanking':
      return t('poll.error.incompleteRanking', { count: p.options });
    case 'overBudget':
      return t('poll.error.overBudget', { count: p.given, total: p.budget });
    case 'underBudget':
      return t('poll.error.underBudget', { count: p.given, total: p.budget });
    case 'noPoints':
      return t('poll.error.noPoints');
    case 'outOfScale':
      return t('poll.error.outOfScale', { count: p.min, total: p.max });
    case 'skipNotAllowed':
      return t('poll.error.skipNotAllowed');
    case 'unrated':
      return t('poll.error.unrated');
    case 'nothingPlaced':
      return t('poll.error.nothingPlaced');
    case 'noWords':
      return t('poll.error.noWords');
    case 'tooManyWords':
      return t('poll.error.tooManyWords', { count: p.max });
    case 'wordTooLong':
      return t('poll.error.wordTooLong', { count: p.max });
    case 'emptyWord':
      return t('poll.error.emptyWord');
    case 'duplicateWord':
      return t('poll.error.duplicateWord');
    case 'emptyText':
      return t('poll.error.emptyText');
    case 'textTooLong':
      return t('poll.error.textTooLong', { count: p.max });
    case 'invalidText':
      return t('poll.error.invalidText');
  }
}
