import type { Ballot, PollSpec } from '@plenary/shared';

/** The props of the input of one poll kind: its spec, the draft ballot, and where a changed ballot goes. */
export type InputProps<K extends PollSpec['kind']> = {
  spec: Extract<PollSpec, { kind: K }>;
  ballot: Extract<Ballot, { kind: K }>;
  onChange: (b: Ballot) => void;
};
