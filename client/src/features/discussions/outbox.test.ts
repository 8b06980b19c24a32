import { describe, expect, it } from 'vitest';
import { fail, ok, ErrorCode, type CommandAck, type Result } from '@plenary/shared';
import { offlineError } from '../../realtime/api';
import { Outbox } from './outbox';

const space = { kind: 'chat', groupId: 'g1' } as const;
const until = async (f: () => boolean) => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(f()).toBe(true);
};

describe('the chat outbox', () => {
  it('resends with the same id while there is no answer, one message at a time, in order', async () => {
    const sent: { clientId: string; text: string }[] = [];
    let online = false;
    const box = new Outbox(
      space,
      async (p): Promise<Result<CommandAck>> => {
        sent.push({ clientId: p.clientId, text: p.text });
        return online ? ok({ seq: sent.length }) : fail(ErrorCode.internal, offlineError);
      },
      () => {
        throw new Error('not refused');
      },
      5,
    );
    box.add('first');
    box.add('second');
    await until(() => sent.length >= 3);
    // Only the first is tried while offline, always with its id.
    expect(new Set(sent.map((s) => s.text))).toEqual(new Set(['first']));
    expect(new Set(sent.map((s) => s.clientId)).size).toBe(1);
    expect(box.view.getSnapshot().map((m) => [m.text, m.retrying])).toEqual([
      ['first', true],
      ['second', false],
    ]);
    online = true;
    await until(() => box.view.getSnapshot().length === 0);
    expect(sent.at(-2)!.text).toBe('first');
    expect(sent.at(-1)!.text).toBe('second');
    expect(sent.at(-2)!.clientId).toBe(sent[0]!.clientId);
    box.stop();
  });

  it('drops a refused message and hands its text back; settles what the server already holds', async () => {
    const refused: string[] = [];
    const box = new Outbox(space, async () => fail(ErrorCode.rateLimited, 'slow down'), (text) => refused.push(text), 5);
    box.add('too fast');
    await until(() => refused.length === 1);
    expect(refused).toEqual(['too fast']);
    expect(box.view.getSnapshot()).toEqual([]);
    const never = new Outbox(space, () => new Promise(() => undefined), () => undefined);
    never.add('sent, ack lost');
    const id = never.view.getSnapshot()[0]!.clientId;
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    never.settle(new Set([id]));
    expect(never.view.getSnapshot()).toEqual([]);
  });
});
