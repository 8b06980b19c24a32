import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';
import { DiscussionLimits, spaceKey, type DiscussionsState, type Message, type Space } from './model.js';

export type DiscussionEvent = EventOf<'discussion'>;

/** Applies a discussion event. A redacted event (the viewer may not read the space) changes nothing but `seq`. */
export function applyDiscussions(state: WorkshopState, event: DiscussionEvent): WorkshopState {
  const d = state.discussions;
  const next = (p: Partial<DiscussionsState>): WorkshopState => ({ ...state, seq: event.seq, discussions: { ...d, ...p } });
  if (event.type === 'discussion.questionsSet') return next({ questions: { ...d.questions, [event.roundId]: event.questions } });

  const key = spaceKey(event.space);
  const space: Space = d.spaces[key] ?? { ref: event.space, messages: [] };
  const withSpace = (messages: Message[], p: Partial<DiscussionsState> = {}) => next({ spaces: { ...d.spaces, [key]: { ...space, messages } }, ...p });
  const change = (id: string, f: (m: Message) => Message): WorkshopState => {
    const i = space.messages.findIndex((m) => m.id === id);
    if (i < 0) return next({});
    const messages = [...space.messages];
    messages[i] = { ...f(messages[i]!), rev: event.seq };
    return withSpace(messages);
  };
  switch (event.type) {
    case 'discussion.posted': {
      if (!event.message) return next({});
      const message: Message = { ...event.message, at: event.at, seq: event.seq, rev: event.seq };
      const author = message.author;
      const recent = author
        ? { ...d.recent, [author]: [...(d.recent[author] ?? []).filter((t) => t > event.at - DiscussionLimits.rateWindowMs), event.at].slice(-DiscussionLimits.ratePerWindow) }
        : d.recent;
      return withSpace([...space.messages, message], { recent });
    }
    case 'discussion.edited':
      if (event.text === null) return next({});
      return change(event.messageId, (m) => ({ ...m, text: event.text!, mentions: event.mentions, editedAt: event.at }));
    case 'discussion.deleted':
      return change(event.messageId, (m) => ({ ...m, text: '', mentions: [], deleted: true }));
  }
}
