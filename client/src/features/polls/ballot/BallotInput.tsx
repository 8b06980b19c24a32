import type { Ballot, PollSpec } from '@plenary/shared';
import { MatrixInput } from './MatrixInput';
import { MultipleInput } from './MultipleInput';
import { PointsInput } from './PointsInput';
import { RankingInput } from './RankingInput';
import { ScaleInput } from './ScaleInput';
import { SingleInput } from './SingleInput';
import { TextInput } from './TextInput';
import { WordsInput } from './WordsInput';

/** The input of a poll's kind for a draft ballot of that kind (nothing if the two differ). */
export function BallotInput({ spec, ballot, onChange }: { spec: PollSpec; ballot: Ballot; onChange: (b: Ballot) => void }) {
  switch (spec.kind) {
    case 'single':
      return ballot.kind === 'single' ? <SingleInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'multiple':
      return ballot.kind === 'multiple' ? <MultipleInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'ranking':
      return ballot.kind === 'ranking' ? <RankingInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'points':
      return ballot.kind === 'points' ? <PointsInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'scale':
      return ballot.kind === 'scale' ? <ScaleInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'matrix':
      return ballot.kind === 'matrix' ? <MatrixInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'wordCloud':
      return ballot.kind === 'wordCloud' ? <WordsInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'openText':
      return ballot.kind === 'openText' ? <TextInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
  }
}
