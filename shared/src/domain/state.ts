/**
 * The whole control-plane state of one workshop, as the reducer builds it from
 * its events: the core (definition, settings, people, agenda position) and one
 * slice per area.
 */
import type { PollsState } from './polls/model.js';
import type { BoardsState } from './boards/model.js';
import type { QaState } from './qa/model.js';
import type { BreakoutsState } from './breakouts/model.js';
import type { RunState } from './run/model.js';
import type { OutcomesState } from './outcomes/model.js';
import type { DiscussionsState } from './discussions/model.js';
import type { Participant, WorkshopDefinition, WorkshopSettings } from './workshop/model.js';

export interface WorkshopState {
  id: string;
  /** Sequence number of the last event applied; 0 before the first. */
  seq: number;
  createdAt: number;
  joinCode: string;
  definition: WorkshopDefinition;
  settings: WorkshopSettings;
  participants: Record<string, Participant>;
  run: RunState;
  polls: PollsState;
  boards: BoardsState;
  qa: QaState;
  outcomes: OutcomesState;
  breakouts: BreakoutsState;
  discussions: DiscussionsState;
}
