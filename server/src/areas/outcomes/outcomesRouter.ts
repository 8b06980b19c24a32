/**
 * HTTP routes of outcomes (paths: `OutcomesApiPath` in
 * shared/src/domain/outcomes/protocol.ts), all for facilitators of the
 * workshop: the report (.docx, printable HTML, Markdown), CSV exports, the
 * archive, deleting the workshop, and restoring an archive as a new workshop.
 */
import express, { Router, type Request, type Response } from 'express';
import * as Y from 'yjs';
import {
  agendaStarts,
  agendaStepRuns,
  answerPlainText,
  answersOf,
  BoardDoc,
  buildReport,
  localizeState,
  can,
  CsvExport,
  currentActor,
  DeleteWorkshopRequest,
  docName,
  ErrorCode,
  ok,
  ReportFormat,
  SearchQuery,
  searchDiscussions,
  type Report,
  type RestoredWorkshop,
  type WorkshopState,
} from '@plenary/shared';
import type { AreaRouterDeps } from '../AreaContext.js';
import { authenticateRequest, type RequestSession } from '../../http/authenticate.js';
import { parseBody, respond, respondError } from '../../http/respond.js';
import type { Store } from '../../store/Store.js';
import { ArchiveError, ArchiveLimits, exportArchive, importArchive } from './archive.js';
import { inputsCsv, participantsCsv, pollsCsv, questionsCsv } from './outcomesCsv.js';
import { reportDocx } from './reportDocx.js';
import { reportHtml } from './reportHtml.js';
import { reportMarkdown } from './reportMarkdown.js';
import { boardPicture } from './reportPictures.js';
import { countryNamer } from './reportIntl.js';
import { reportText } from './reportText.js';

export interface OutcomesRouterDeps extends AreaRouterDeps {
  now: () => number;
}

/** A file name from a title: no path or reserved characters, not too long. */
export function fileBase(title: string): string {
  return title.normalize('NFKC').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'workshop';
}

/** `attachment; filename=…` with an ASCII fallback and the real name (RFC 6266). */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The report of a workshop as it stands, with its chosen boards drawn from their stored documents. */
export async function workshopReport(state: WorkshopState, store: Store, now: number): Promise<Report> {
  const language = state.settings.defaultLanguage;
  const countryName = countryNamer(language);
  const text = reportText(language);
  const boards = [];
  for (const id of state.outcomes.report.boardIds) {
    const board = state.boards.byId[id];
    if (!board) continue;
    const stored = await store.loadDoc(docName({ kind: 'board', workshopId: state.id, boardId: id }));
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    boards.push(boardPicture(board, new BoardDoc(doc).all(), state.definition, countryName, text));
    doc.destroy();
  }
  const answers = await groupAnswers(state, store);
  const events = await store.readEvents(state.id, 0);
  // Prepared texts (agenda, polls, guiding questions) in the report's language, as participants read them.
  return buildReport(localizeState(state, language), { language, countryName, started: agendaStarts(events), stepRuns: agendaStepRuns(events), boards, answers, now });
}

/** Each group's answers to its round's guiding questions as plain text, by group and question, read from the groups' stored answers documents. */
export async function groupAnswers(state: WorkshopState, store: Store): Promise<Record<string, Record<string, string>>> {
  const answers: Record<string, Record<string, string>> = {};
  for (const roundId of state.breakouts.order) {
    const round = state.breakouts.byId[roundId]!;
    const questionIds = (state.discussions.questions[roundId] ?? []).map((q) => q.id);
    if (round.status === 'draft' || questionIds.length === 0) continue;
    for (const g of round.groups) {
      const stored = await store.loadDoc(docName({ kind: 'groupAnswers', workshopId: state.id, groupId: g.id }));
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      const trees = answersOf(doc, questionIds);
      answers[g.id] = Object.fromEntries(questionIds.map((id) => [id, answerPlainText(trees[id] ?? [])]));
      doc.destroy();
    }
  }
  return answers;
}

export function outcomesRouter(deps: OutcomesRouterDeps): Router {
  const router = Router();

  /** A facilitator's session in the workshop of the path; otherwise answers and returns null. */
  const facilitator = async (req: Request, res: Response): Promise<RequestSession | null> => {
    const s = await authenticateRequest(req, res, deps.workshops, deps.tokens);
    if (!s) return null;
    if (s.runtime.id !== String(req.params.workshopId)) {
      respondError(res, ErrorCode.forbidden, 'Your session is for another workshop.');
      return null;
    }
    if (!can(s.runtime.state, currentActor(s.runtime.state, s.participantId), { kind: 'input.manage' })) {
      respondError(res, ErrorCode.forbidden, 'Only facilitators export, archive or delete a workshop.');
      return null;
    }
    return s;
  };

  const send = (res: Response, type: string, name: string, body: string | Uint8Array) => {
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', attachment(name));
    res.setHeader('Cache-Control', 'no-store');
    res.send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  };

  router.get('/workshops/:workshopId/report.:format', async (req, res) => {
    const format = ReportFormat.safeParse(req.params.format);
    if (!format.success) return respondError(res, ErrorCode.notFound, 'No such report format.');
    const s = await facilitator(req, res);
    if (!s) return;
    const state = s.runtime.state;
    const report = await workshopReport(state, deps.store, deps.now());
    const base = `${fileBase(state.definition.title)} - ${reportText(report.language)('report')}`;
    deps.log.info({ workshopId: state.id, format: format.data, by: s.participantId }, 'report exported');
    switch (format.data) {
      case 'docx':
        return send(res, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${base}.docx`, await reportDocx(report));
      case 'html':
        // The page is self-contained: its own styles inline, pictures inline, no script.
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        return send(res, 'text/html; charset=utf-8', `${base}.html`, reportHtml(report));
      case 'md':
        return send(res, 'text/markdown; charset=utf-8', `${base}.md`, reportMarkdown(report));
    }
  });

  // Facilitators search what the groups said (chats and answers); it reads like the report, so it lives with it.
  router.get('/workshops/:workshopId/discussions/search', async (req, res) => {
    const s = await facilitator(req, res);
    if (!s) return;
    const query = SearchQuery.safeParse({ q: typeof req.query.q === 'string' ? req.query.q : '' });
    if (!query.success) return respondError(res, ErrorCode.invalid, 'Search for at least 2 and at most 100 characters.');
    const state = s.runtime.state;
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ok(searchDiscussions(state, await groupAnswers(state, deps.store), query.data.q)));
  });

  router.get('/workshops/:workshopId/exports/:name.csv', async (req, res) => {
    const name = CsvExport.safeParse(req.params.name);
    if (!name.success) return respondError(res, ErrorCode.notFound, 'No such export.');
    const s = await facilitator(req, res);
    if (!s) return;
    const state = s.runtime.state;
    const countryName = countryNamer(state.settings.defaultLanguage);
    const t = reportText(state.settings.defaultLanguage);
    let csv: string;
    switch (name.data) {
      case 'participants':
        csv = participantsCsv(state, countryName, t);
        break;
      case 'polls':
        csv = pollsCsv(buildReport(localizeState(state, state.settings.defaultLanguage), { language: state.settings.defaultLanguage, countryName, started: {}, boards: [], now: deps.now() }), t);
        break;
      case 'inputs':
        csv = inputsCsv(state, countryName, t);
        break;
      case 'questions':
        csv = questionsCsv(state, countryName, t);
        break;
    }
    deps.log.info({ workshopId: state.id, export: name.data, by: s.participantId }, 'csv exported');
    send(res, 'text/csv; charset=utf-8', `${fileBase(state.definition.title)} - ${name.data}.csv`, csv);
  });

  router.get('/workshops/:workshopId/archive', async (req, res) => {
    const s = await facilitator(req, res);
    if (!s) return;
    const { zip, manifest } = await exportArchive(deps.store, s.runtime, deps.now());
    deps.log.info({ workshopId: s.runtime.id, by: s.participantId, events: manifest.events.count, documents: manifest.documents.length, bytes: zip.length }, 'workshop archived');
    send(res, 'application/zip', `${fileBase(s.runtime.state.definition.title)} - ${manifest.exportedAt.slice(0, 10)}.plenary.zip`, zip);
  });

  router.delete('/workshops/:workshopId', async (req, res) => {
    const s = await facilitator(req, res);
    if (!s) return;
    const body = parseBody(res, DeleteWorkshopRequest, req.body);
    if (!body) return;
    const state = s.runtime.state;
    const typed = body.confirm.normalize('NFKC').trim();
    const code = typed.replace(/[\s-]/g, '').toUpperCase();
    if (typed !== state.definition.title.normalize('NFKC').trim() && code !== state.joinCode) {
      return respondError(res, ErrorCode.invalid, 'Type the workshop’s title or its join code to confirm.');
    }
    await deps.workshops.delete(state.id);
    deps.log.info({ workshopId: state.id, by: s.participantId }, 'workshop deleted');
    respond(res, ok({ deleted: state.id }));
  });

  router.post('/workshops/restore', express.raw({ type: () => true, limit: ArchiveLimits.bytes }), async (req, res) => {
    const s = await authenticateRequest(req, res, deps.workshops, deps.tokens);
    if (!s) return;
    if (!can(s.runtime.state, currentActor(s.runtime.state, s.participantId), { kind: 'workshop.create' })) {
      return respondError(res, ErrorCode.forbidden, 'Only facilitators restore workshops.');
    }
    const data = req.body as unknown;
    if (!(data instanceof Uint8Array) || data.length === 0) return respondError(res, ErrorCode.invalid, 'Send the archive file as the request body.');
    try {
      const { runtime, facilitatorKey, renamed } = await importArchive(data, { store: deps.store, workshops: deps.workshops });
      deps.log.info({ workshopId: runtime.id, by: s.participantId, renamed }, 'workshop restored');
      respond(res, ok<RestoredWorkshop>({ workshopId: runtime.id, joinCode: runtime.state.joinCode, facilitatorKey, renamed }), 201);
    } catch (error) {
      if (error instanceof ArchiveError) return respondError(res, ErrorCode.invalid, error.message);
      throw error;
    }
  });

  return router;
}
