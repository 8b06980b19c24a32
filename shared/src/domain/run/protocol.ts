/**
 * The run of show on the wire. Commands: `agenda:*` (position and editing),
 * `timer:*`, `room:*` (pause), `announcement:*`, `attention:*`, `projector:*`;
 * events with the same prefixes and a dot. All are the facilitators' to send.
 */
import { z } from 'zod';
import { BoardTemplate } from '../boards/model.js';
import { PollDraft } from '../polls/model.js';
import { ActivityStep, AgendaItemKind, Id, LongText, RoundPlan, StepPlace, Title } from '../workshop/model.js';
import { AttentionView, ProjectorView } from './model.js';

const Minutes = z.number().int().min(1).max(12 * 60);
const ItemFields = z.object({
  title: Title,
  kind: AgendaItemKind,
  minutes: Minutes,
  speaker: z.string().trim().max(200).optional(),
  description: LongText.optional(),
});
const Message = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

export const SetCurrentAgendaItem = z.object({ itemId: Id.nullable() });
export const ExtendAgendaItem = z.object({ minutes: z.number().int().min(1).max(240) });
export const AddAgendaItem = z.object({ dayId: Id, index: z.number().int().min(0), item: ItemFields });
export const UpdateAgendaItem = z.object({
  itemId: Id,
  patch: ItemFields.partial().refine((p) => Object.keys(p).length > 0, 'change at least one field'),
});
export const MoveAgendaItem = z.object({ itemId: Id, dayId: Id, index: z.number().int().min(0) });
export const RemoveAgendaItem = z.object({ itemId: Id });
export const RunStep = z.object({ itemId: Id, stepId: Id });

/**
 * A step as a facilitator writes it (the id is the server's): the same
 * shapes as `ActivityStep`, checked strictly — board templates and new polls
 * in full, exactly one of "an existing one" and "a new one".
 */
const exactlyOne = (a: unknown, b: unknown) => (a === undefined) !== (b === undefined);
export const StepInput = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('showBoard'), boardId: Id.optional(), board: z.object({ title: Title, template: BoardTemplate }).optional() })
    .refine((s) => exactlyOne(s.boardId, s.board), 'choose a board, or a template for a new one'),
  z
    .object({ kind: z.literal('launchPoll'), pollId: Id.optional(), poll: PollDraft.optional() })
    .refine((s) => exactlyOne(s.pollId, s.poll), 'choose a poll, or write a new one'),
  z
    .object({ kind: z.literal('startRound'), roundId: Id.optional(), plan: RoundPlan.extend({ template: BoardTemplate.nullable() }).optional() })
    .refine((s) => exactlyOne(s.roundId, s.plan), 'choose a planned round, or plan one'),
  z.object({ kind: z.literal('startTimer'), minutes: z.number().int().min(1).max(600), label: z.string().trim().max(100).default('') }),
  z.object({ kind: z.literal('openQa'), bring: z.boolean().default(true) }),
  z.object({ kind: z.literal('showMessage'), text: Message }),
  z.object({ kind: z.literal('bringEveryone'), place: StepPlace }),
]);
export type StepInput = z.infer<typeof StepInput>;
export const AddStep = z.object({ itemId: Id, index: z.number().int().min(0).optional(), step: StepInput });
export const UpdateStep = z.object({ itemId: Id, stepId: Id, step: StepInput });
export const MoveStep = z.object({ itemId: Id, stepId: Id, index: z.number().int().min(0) });
export const RemoveStep = z.object({ itemId: Id, stepId: Id });
export const StartTimer = z.object({ seconds: z.number().int().min(5).max(10 * 3600), label: z.string().trim().max(100).default('') });
export const ExtendTimer = z.object({ seconds: z.number().int().min(1).max(3600) });
export const PauseRoom = z.object({ message: z.string().trim().max(500).default('') });
export const PostAnnouncement = z.object({ text: Message });
export const WithdrawAnnouncement = z.object({ announcementId: Id });
export const BringEveryone = z.object({ view: AttentionView });
export const ShowOnProjector = z.object({ view: ProjectorView });
const Empty = z.object({});

/** Run-of-show commands, by event name. */
export const runCommands = {
  'agenda:setCurrent': SetCurrentAgendaItem,
  'agenda:extend': ExtendAgendaItem,
  'agenda:addItem': AddAgendaItem,
  'agenda:updateItem': UpdateAgendaItem,
  'agenda:moveItem': MoveAgendaItem,
  'agenda:removeItem': RemoveAgendaItem,
  'agenda:runStep': RunStep,
  'agenda:addStep': AddStep,
  'agenda:updateStep': UpdateStep,
  'agenda:moveStep': MoveStep,
  'agenda:removeStep': RemoveStep,
  'timer:start': StartTimer,
  'timer:pause': Empty,
  'timer:resume': Empty,
  'timer:extend': ExtendTimer,
  'timer:stop': Empty,
  'room:pause': PauseRoom,
  'room:resume': Empty,
  'announcement:post': PostAnnouncement,
  'announcement:withdraw': WithdrawAnnouncement,
  'attention:bring': BringEveryone,
  'projector:show': ShowOnProjector,
} as const;

/** Name prefixes of run-of-show commands (and, with a dot, of its events). */
export const runPrefixes = ['agenda', 'timer', 'room', 'announcement', 'attention', 'projector'] as const;

const AgendaItemWithMinutes = ItemFields.extend({ id: Id });

export const AgendaCurrentSet = z.object({ type: z.literal('agenda.currentSet'), itemId: Id.nullable() });
export const AgendaItemExtended = z.object({ type: z.literal('agenda.itemExtended'), itemId: Id, minutes: z.number().int() });
export const AgendaItemAdded = z.object({ type: z.literal('agenda.itemAdded'), dayId: Id, index: z.number().int(), item: AgendaItemWithMinutes });
export const AgendaItemUpdated = z.object({ type: z.literal('agenda.itemUpdated'), itemId: Id, patch: ItemFields.partial() });
export const AgendaItemMoved = z.object({ type: z.literal('agenda.itemMoved'), itemId: Id, dayId: Id, index: z.number().int() });
export const AgendaItemRemoved = z.object({ type: z.literal('agenda.itemRemoved'), itemId: Id });
export const AgendaStepRun = z.object({ type: z.literal('agenda.stepRun'), itemId: Id, stepId: Id });
export const AgendaStepAdded = z.object({ type: z.literal('agenda.stepAdded'), itemId: Id, index: z.number().int(), step: ActivityStep });
export const AgendaStepUpdated = z.object({ type: z.literal('agenda.stepUpdated'), itemId: Id, step: ActivityStep });
export const AgendaStepMoved = z.object({ type: z.literal('agenda.stepMoved'), itemId: Id, stepId: Id, index: z.number().int() });
export const AgendaStepRemoved = z.object({ type: z.literal('agenda.stepRemoved'), itemId: Id, stepId: Id });
export const TimerStarted = z.object({
  type: z.literal('timer.started'),
  timerId: Id,
  label: z.string(),
  durationMs: z.number().int(),
  endsAt: z.number(),
});
export const TimerPaused = z.object({ type: z.literal('timer.paused'), remainingMs: z.number().int() });
export const TimerResumed = z.object({ type: z.literal('timer.resumed'), endsAt: z.number() });
export const TimerExtended = z.object({ type: z.literal('timer.extended'), ms: z.number().int() });
export const TimerStopped = z.object({ type: z.literal('timer.stopped') });
export const RoomPaused = z.object({ type: z.literal('room.paused'), message: z.string() });
export const RoomResumed = z.object({ type: z.literal('room.resumed') });
export const AnnouncementPosted = z.object({ type: z.literal('announcement.posted'), announcementId: Id, text: z.string() });
export const AnnouncementWithdrawn = z.object({ type: z.literal('announcement.withdrawn'), announcementId: Id });
export const AttentionBrought = z.object({ type: z.literal('attention.brought'), attentionId: Id, view: AttentionView });
export const ProjectorShown = z.object({ type: z.literal('projector.shown'), view: ProjectorView });

/** Run-of-show events. */
export const runEvents = [
  AgendaCurrentSet,
  AgendaItemExtended,
  AgendaItemAdded,
  AgendaItemUpdated,
  AgendaItemMoved,
  AgendaItemRemoved,
  AgendaStepRun,
  AgendaStepAdded,
  AgendaStepUpdated,
  AgendaStepMoved,
  AgendaStepRemoved,
  TimerStarted,
  TimerPaused,
  TimerResumed,
  TimerExtended,
  TimerStopped,
  RoomPaused,
  RoomResumed,
  AnnouncementPosted,
  AnnouncementWithdrawn,
  AttentionBrought,
  ProjectorShown,
] as const;

