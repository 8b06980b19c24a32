import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { timerRemaining, timerShown, timerUpShownMs } from './model.js';
import { demoDefinition } from '../workshop/demo.js';

describe('the shared timer', () => {
  it('starts, pauses, resumes, extends and stops, with the time left right at every step', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const t0 = w.now;
    expect(w.run({ type: 'timer:start', payload: { seconds: 300, label: 'Group work' } }, f).ok).toBe(true);
    expect(timerRemaining(w.state.run.timer!, t0 + 60_000)).toBe(240_000);
    w.now = t0 + 60_000;
    w.run({ type: 'timer:pause', payload: {} }, f);
    expect(w.state.run.timer).toMatchObject({ endsAt: null, remainingMs: 240_000 });
    expect(timerRemaining(w.state.run.timer!, t0 + 600_000)).toBe(240_000);
    w.now = t0 + 120_000;
    w.run({ type: 'timer:extend', payload: { seconds: 60 } }, f);
    w.run({ type: 'timer:resume', payload: {} }, f);
    expect(w.state.run.timer!.endsAt).toBe(t0 + 120_000 + 300_000);
    w.run({ type: 'timer:stop', payload: {} }, f);
    expect(w.state.run.timer).toBeNull();
  });

  it('shows an expired timer briefly, then clears it by itself; a paused one stays', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const t0 = w.now;
    expect(timerShown(w.state.run.timer, t0)).toBe(false);
    w.run({ type: 'timer:start', payload: { seconds: 60, label: '' } }, f);
    const timer = w.state.run.timer!;
    expect(timerShown(timer, t0 + 59_000)).toBe(true);
    expect(timerShown(timer, t0 + 60_000)).toBe(true); // time is up
    expect(timerShown(timer, t0 + 60_000 + timerUpShownMs - 1)).toBe(true);
    expect(timerShown(timer, t0 + 60_000 + timerUpShownMs)).toBe(false);
    expect(timerShown(timer, t0 + 8 * 3600_000)).toBe(false);
    w.now = t0 + 30_000;
    w.run({ type: 'timer:pause', payload: {} }, f);
    expect(timerShown(w.state.run.timer, t0 + 8 * 3600_000)).toBe(true);
  });

  it('refuses to pause what is not running, and restarts an ended timer when extended', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    expect(w.run({ type: 'timer:pause', payload: {} }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    w.run({ type: 'timer:start', payload: { seconds: 10, label: '' } }, f);
    w.now += 20_000;
    w.run({ type: 'timer:extend', payload: { seconds: 30 } }, f);
    expect(timerRemaining(w.state.run.timer!, w.now)).toBe(30_000);
  });
});

describe('the agenda, edited live', () => {
  it('adds, lengthens, moves and removes items, re-timing the day', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'agenda:addItem', payload: { dayId: 'day-1', index: 1, item: { title: 'Video message', kind: 'presentation', minutes: 10 } } }, f);
    const day1 = () => w.state.definition.days[0]!.items;
    expect(day1()[1]).toMatchObject({ title: 'Video message', start: '14:50', end: '15:00' });
    expect(day1().at(-1)).toMatchObject({ end: '16:40' });
    w.run({ type: 'agenda:updateItem', payload: { itemId: 'd1-opening', patch: { minutes: 10, title: 'Welcome' } } }, f);
    expect(day1()[0]).toMatchObject({ title: 'Welcome', start: '14:30', end: '14:40' });
    w.run({ type: 'agenda:moveItem', payload: { itemId: 'd1-wrap-up', dayId: 'day-1', index: 0 } }, f);
    expect(day1()[0]).toMatchObject({ id: 'd1-wrap-up', start: '14:30', end: '14:40' });
    w.run({ type: 'agenda:moveItem', payload: { itemId: 'd1-wrap-up', dayId: 'day-2', index: 0 } }, f);
    expect(w.state.definition.days[1]!.items[0]).toMatchObject({ id: 'd1-wrap-up', start: '09:00', end: '09:10' });
    expect(w.state.definition.days[1]!.items[1]).toMatchObject({ id: 'd2-recap', start: '09:10' });
    w.run({ type: 'agenda:removeItem', payload: { itemId: 'd1-wrap-up' } }, f);
    expect(w.state.definition.days[1]!.items[0]).toMatchObject({ id: 'd2-recap', start: '09:00' });
  });

  it('extends the running item and the ones after it, and refuses a day past midnight', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    expect(w.run({ type: 'agenda:extend', payload: { minutes: 5 } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd1-opening' } }, f);
    w.run({ type: 'agenda:extend', payload: { minutes: 5 } }, f);
    expect(w.state.definition.days[0]!.items[0]).toMatchObject({ end: '14:55' });
    expect(w.state.definition.days[0]!.items[1]).toMatchObject({ start: '14:55' });
    expect(w.run({ type: 'agenda:extend', payload: { minutes: 240 } }, f).ok).toBe(true); // day ends 20:35
    const before = w.state;
    expect(w.run({ type: 'agenda:extend', payload: { minutes: 240 } }, f)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(w.state).toBe(before);
  });

  it('keeps everything the facilitators’: participants change nothing', () => {
    const w = new TestWorkshop();
    const a = w.join('A');
    const before = w.state;
    for (const command of [
      { type: 'timer:start', payload: { seconds: 60, label: '' } },
      { type: 'room:pause', payload: { message: '' } },
      { type: 'announcement:post', payload: { text: 'Hi' } },
      { type: 'agenda:removeItem', payload: { itemId: 'd1-opening' } },
      { type: 'attention:bring', payload: { view: { kind: 'home' } } },
    ] as const) {
      expect(w.run(command, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    }
    expect(w.state).toBe(before);
  });
});

describe('the room', () => {
  it('pauses with a message and resumes; announcements come and go', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'room:pause', payload: { message: 'Eyes on the speaker, please' } }, f);
    expect(w.state.run.paused).toEqual({ message: 'Eyes on the speaker, please', since: w.now });
    expect(w.run({ type: 'room:pause', payload: { message: '' } }, f).ok).toBe(false);
    w.run({ type: 'room:resume', payload: {} }, f);
    expect(w.state.run.paused).toBeNull();
    const d = w.run({ type: 'announcement:post', payload: { text: 'Lunch is in the Rotunda' } }, f);
    const id = d.ok && d.events[0]?.type === 'announcement.posted' ? d.events[0].announcementId : '';
    expect(w.state.run.announcements).toEqual([{ id, text: 'Lunch is in the Rotunda', at: w.now }]);
    w.run({ type: 'announcement:withdraw', payload: { announcementId: id } }, f);
    expect(w.state.run.announcements).toEqual([]);
  });
});

describe('activity steps', () => {
  it('run what an agenda item prepared with one click each: a message, a prepared poll (imported, opened, projected), a timer', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd1-opening' } }, f);
    expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'welcome' } }, f).ok).toBe(true);
    expect(w.state.run.announcements.at(-1)?.text).toMatch(/Welcome to Vienna/);
    const d = w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'opening-poll' } }, f);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['poll.created', 'poll.opened', 'projector.shown', 'agenda.stepRun']);
    const poll = Object.values(w.state.polls.byId).find((p) => p.source === 'opening-question')!;
    expect(poll.status).toBe('open');
    expect(w.state.run.projector).toEqual({ kind: 'poll', pollId: poll.id });
    // Running it again opens the same poll (nothing new imported).
    w.run({ type: 'poll:close', payload: { pollId: poll.id } }, f);
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'opening-poll' } }, f);
    expect(Object.values(w.state.polls.byId).filter((p) => p.source === 'opening-question')).toHaveLength(1);
    expect(w.state.polls.byId[poll.id]!.status).toBe('open');
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'opening-timer' } }, f);
    expect(w.state.run.timer).toMatchObject({ label: 'Answer the opening question', durationMs: 120_000 });
    expect(w.state.run.stepsRun['d1-opening']).toEqual(['welcome', 'opening-poll', 'opening-poll', 'opening-timer']);
  });

  it('are the facilitators’, and an unknown step or a refused part changes nothing', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'welcome' } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'nope' } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
  });

  it('refuse a step whose poll, board or round is missing or not ready, and change nothing', () => {
    const definition = structuredClone(demoDefinition);
    definition.days[0]!.items[0]!.steps = [
      { id: 'ghost-poll', kind: 'launchPoll', pollId: 'nowhere' },
      { id: 'ghost-board', kind: 'showBoard', boardId: 'nowhere' },
      { id: 'ghost-round', kind: 'startRound', roundId: 'nowhere' },
    ];
    const w = new TestWorkshop('ws1', definition);
    const f = w.facilitator();
    const before = w.state;
    for (const stepId of ['ghost-poll', 'ghost-board', 'ghost-round']) {
      expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    }
    expect(w.state).toBe(before);
  });
});

describe('a board step', () => {
  it('makes the prepared board the first time, brings everyone to it and puts it on the projector', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const d = w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'opening-board' } }, f);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['board.created', 'board.summoned', 'projector.shown', 'agenda.stepRun']);
    const board = Object.values(w.state.boards.byId).find((b) => b.source === 'synergy-map')!;
    expect(board).toMatchObject({ template: 'synergy', scope: { kind: 'plenary' } });
    expect(w.state.boards.summon?.boardId).toBe(board.id);
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-opening', stepId: 'opening-board' } }, f);
    expect(Object.values(w.state.boards.byId).filter((b) => b.source === 'synergy-map')).toHaveLength(1);
  });
});
