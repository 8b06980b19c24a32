/**
 * Outcomes on the wire: commands `input:*` and `report:*`, events `input.*`
 * and `report.*`, and the HTTP routes of the report, the exports and the
 * archive.
 *
 * Message flow:
 * 1. A participant proposes an input for their own country or organisation
 *    (`input:propose`), optionally from a source (a board note, a group's
 *    finding, a poll result). A facilitator may propose for anyone.
 * 2. The author edits it (`input:update`) while it is proposed; facilitators
 *    edit any, merge duplicates (`input:merge`), mark it agreed or dropped
 *    (`input:setStatus`) and delete it (`input:delete`, also the author's own
 *    while proposed).
 * 3. Everyone receives the events; non-facilitators see who proposed an input
 *    only when it is their own (`author` is '' otherwise).
 * 4. Facilitators choose the boards pictured in the report (`report:configure`)
 *    and download the report and exports over HTTP (`OutcomesApiPath`).
 */
import { z } from 'zod';
import { Id } from '../workshop/model.js';
import { InputFields, InputSource, InputStatus, OutcomeLimits } from './model.js';

export const ProposeInput = InputFields.extend({ source: InputSource.nullable().default(null) });
export type ProposeInput = z.infer<typeof ProposeInput>;

export const UpdateInput = z.object({
  inputId: Id,
  fields: InputFields.partial().refine((f) => Object.keys(f).length > 0, 'change at least one field'),
});
export type UpdateInput = z.infer<typeof UpdateInput>;

export const MergeInputs = z.object({
  /** The inputs that become part of `intoId`. */
  inputIds: z.array(Id).min(1).max(OutcomeLimits.mergeAtOnce),
  intoId: Id,
});
export type MergeInputs = z.infer<typeof MergeInputs>;

export const SetInputStatus = z.object({ inputId: Id, status: InputStatus });
export type SetInputStatus = z.infer<typeof SetInputStatus>;

export const InputRef = z.object({ inputId: Id });
export type InputRef = z.infer<typeof InputRef>;

export const ConfigureReport = z.object({
  boardIds: z
    .array(Id)
    .max(OutcomeLimits.reportBoards)
    .refine((ids) => new Set(ids).size === ids.length, 'name each board once'),
});
export type ConfigureReport = z.infer<typeof ConfigureReport>;

/** Outcome commands a connected client may send, by event name. */
export const outcomeCommands = {
  'input:propose': ProposeInput,
  'input:update': UpdateInput,
  'input:merge': MergeInputs,
  'input:setStatus': SetInputStatus,
  'input:delete': InputRef,
  'report:configure': ConfigureReport,
} as const satisfies Record<`${'input' | 'report'}:${string}`, z.ZodType>;

/** The prefixes of outcome commands and events. */
export const outcomePrefixes = ['input', 'report'] as const;

const InputSchema = InputFields.extend({
  id: Id,
  status: InputStatus,
  source: InputSource.nullable(),
  author: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  mergedInto: Id.nullable(),
  mergedFrom: z.array(Id),
});

export const InputProposed = z.object({ type: z.literal('input.proposed'), input: InputSchema });
export const InputUpdated = z.object({ type: z.literal('input.updated'), inputId: Id, fields: InputFields.partial() });
export const InputsMerged = z.object({ type: z.literal('input.merged'), inputIds: z.array(Id), intoId: Id });
export const InputStatusSet = z.object({ type: z.literal('input.statusSet'), inputId: Id, status: InputStatus });
export const InputDeleted = z.object({ type: z.literal('input.deleted'), inputId: Id });
export const ReportConfigured = z.object({ type: z.literal('report.configured'), boardIds: z.array(Id) });

/** Outcome events. */
export const outcomeEvents = [InputProposed, InputUpdated, InputsMerged, InputStatusSet, InputDeleted, ReportConfigured] as const;

/** What the server pushes about outcomes besides events. */
export type OutcomeServerEvents = Record<never, never>;

/** Formats of the workshop report. */
export const ReportFormat = z.enum(['docx', 'html', 'md']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** CSV exports of a workshop. */
export const CsvExport = z.enum(['participants', 'polls', 'inputs', 'questions']);
export type CsvExport = z.infer<typeof CsvExport>;

/** What a facilitator types to confirm deleting a workshop: its title or its join code. */
export const DeleteWorkshopRequest = z.object({ confirm: z.string().trim().min(1).max(300) });
export type DeleteWorkshopRequest = z.infer<typeof DeleteWorkshopRequest>;

/** A restored workshop: where it is and how to enter it (the key is shown once). */
export interface RestoredWorkshop {
  workshopId: string;
  joinCode: string;
  facilitatorKey: string;
  /** Whether the id or the join code had to change because this server already had it. */
  renamed: { id: boolean; joinCode: boolean };
}

/**
 * HTTP routes of outcomes (facilitators of the workshop only, `Authorization: Bearer <token>`):
 *
 *   GET    /api/workshops/:id/report.docx|html|md   the workshop report, in the workshop's language
 *   GET    /api/workshops/:id/exports/:name.csv     participants | polls | inputs | questions
 *   GET    /api/workshops/:id/archive               the whole workshop as one file (zip)
 *   DELETE /api/workshops/:id                       { confirm: title or join code } → deletes everything
 *   POST   /api/workshops/restore                   body: an archive (application/zip) → RestoredWorkshop
 */
export const OutcomesApiPath = {
  report: (workshopId: string, format: ReportFormat) => `/api/workshops/${encodeURIComponent(workshopId)}/report.${format}`,
  csv: (workshopId: string, name: CsvExport) => `/api/workshops/${encodeURIComponent(workshopId)}/exports/${name}.csv`,
  archive: (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/archive`,
  workshop: (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`,
  restore: '/api/workshops/restore',
} as const;
